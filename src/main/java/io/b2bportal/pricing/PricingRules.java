package io.b2bportal.pricing;

import io.b2bportal.pricing.engine.PriceEngine;
import io.b2bportal.pricing.engine.Rounding;
import io.b2bportal.pricing.engine.Rules.AdjustmentKind;
import io.b2bportal.pricing.engine.Rules.Buyer;
import io.b2bportal.pricing.engine.Rules.ContractPrice;
import io.b2bportal.pricing.engine.Rules.Effect;
import io.b2bportal.pricing.engine.Rules.PriceList;
import io.b2bportal.pricing.engine.Rules.PriceType;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.Promotion;
import io.b2bportal.pricing.engine.Rules.RuleSet;
import io.b2bportal.pricing.engine.Rules.Target;
import io.b2bportal.pricing.engine.Rules.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads the rules for one buyer and a set of products in one round trip of three statements, whatever the number of
 * products: the price types on the buyer's chains with their lists and the group's price type (read every time, so a
 * change is seen by the next request on every node); the price rows of the lists a resolution reads
 * ({@link PriceEngine#listsRead}: the first chain that resolves and base), one primary-key probe of
 * {@code (price_list_id, product_id, min_qty)} per list and product, with the buyer's contract prices; and the running
 * promotions for the buyer that cover any of the products, found from the products' side. Nothing is cached across
 * requests.
 */
@Repository
class PricingRules {

    /**
     * The price types on the buyer's chains (its contract's, its group's, base, and their parents) with their lists,
     * and the group's price type on every row (one row of nulls when no type exists at all). Only these types: a
     * seller with hundreds of types does not load them all for every page; "union" ends a chain that runs in a
     * circle, which the engine then reports.
     */
    private static final String TYPES = """
            with recursive grouped as (
                   select (select price_type_code from pricing.group_price_type where group_id = :group) as code),
                 chain (code) as (
                   select code from pricing.price_type
                    where code = any(:starts) or code = (select code from grouped)
                   union
                   select t.parent_code from chain c join pricing.price_type t on t.code = c.code
                    where t.parent_code is not null)
            select g.code as group_type, t.code, t.name, t.name_en, t.price_list_id, t.parent_code,
                   t.adjustment_kind, t.adjustment, t.rounding, l.code as list_code, l.name as list_name, l.currency,
                   l.includes_vat
              from grouped g
              left join (chain join pricing.price_type t on t.code = chain.code
                         left join pricing.price_list l on l.id = t.price_list_id) on true""";

    /**
     * The lists a resolution reads ({@link PriceEngine#listsRead}, worked out here the same way so that the price
     * rows come in the same round trip as the types: the list that the first of the contract's, the group's and the
     * base type reaches through its parents, and the base list), each as a row 'L'; their price rows 'P', one
     * primary-key probe of {@code (price_list_id, product_id, min_qty)} per list and product; the buyer's contract
     * prices 'C'. The probe is a lateral join so that it stays one probe per pair whatever the estimates: with
     * "price_list_id = any(:lists) and product_id = any(:products)" PostgreSQL 18 reads the leaf pages between the
     * products asked and compares every entry on them with both arrays (15 ms instead of 7 ms for a 1,000-line cart
     * and three lists on a quiet machine, 73 ms instead of 15 ms at load 6; docs/benchmarks.md, Pricing).
     */
    private static final String PRICES = """
            with recursive starts (code, ord) as (
                   select cast(:contractType as text), 1
                   union all
                   select price_type_code, 2 from pricing.group_price_type where group_id = :group
                   union all
                   select 'base', 3),
                 walk (ord, code, path) as (
                   select s.ord, t.code, array[t.code] from starts s join pricing.price_type t on t.code = s.code
                   union all
                   select w.ord, t.code, w.path || t.code
                     from walk w join pricing.price_type d on d.code = w.code
                     join pricing.price_type t on t.code = d.parent_code
                    where d.price_list_id is null and t.code <> all(w.path)),
                 reached as (
                   select w.ord, t.price_list_id from walk w join pricing.price_type t on t.code = w.code
                    where t.price_list_id is not null),
                 lists (id) as materialized (
                   select price_list_id from reached where ord = (select min(ord) from reached)
                   union
                   select price_list_id from pricing.price_type where code = 'base' and price_list_id is not null)
            select 'L' as kind, l.id as price_list_id, null::bigint as product_id, null::numeric as min_qty,
                   null::numeric as amount, null::text as currency, null::boolean as includes_vat
              from lists l
            union all
            select 'P', pr.price_list_id, pr.product_id, pr.min_qty, pr.amount, null, null
              from lists l cross join unnest(cast(:products as bigint[])) as x (id)
             cross join lateral (select p.price_list_id, p.product_id, p.min_qty, p.amount from pricing.price p
                                  where p.price_list_id = l.id and p.product_id = x.id) pr
            union all
            select 'C', null, cp.product_id, null, cp.amount, cp.currency, cp.includes_vat
              from pricing.contract_price cp
             where cp.legal_entity_id = :entity and cp.product_id = any(:products)""";

    /** The price rows of lists that {@link #PRICES} did not read (it reads them all; this is a safety net). */
    private static final String MORE_PRICES = """
            select pr.price_list_id, pr.product_id, pr.min_qty, pr.amount
              from unnest(cast(:lists as bigint[])) as l (id)
              cross join unnest(cast(:products as bigint[])) as x (id)
              join pricing.price pr on pr.price_list_id = l.id and pr.product_id = x.id""";

    /**
     * The running promotions for this buyer (everyone's, its group's, its company's) that cover at least one of the
     * products, with only the scope entries that matter for them. A promotion without any scope covers everything.
     * The scope is looked up from the products' side (one index probe per product, category and brand of the call),
     * so the cost follows the size of the page or cart, not the number of products a promotion covers.
     */
    private static final String PROMOTIONS = """
            with running as materialized (
                   select p.id, p.name, p.name_en, p.starts_at, p.ends_at, p.target, p.effect, p.value,
                          p.min_line_qty, p.min_order_amount, p.priority, p.stacks_with_contract
                     from pricing.promotion p
                    where p.active and p.starts_at <= :now and p.ends_at > :now
                      and (p.target = 'EVERYONE'
                           or exists (select 1 from pricing.promotion_target t
                                       where t.promotion_id = p.id
                                         and (t.group_id = :group or t.company_id = :company)))),
                 hits as (
                   select x.id as product_id, null::bigint as category_id, null::text as brand,
                          unnest(array(select s.promotion_id from pricing.promotion_scope s
                                        where s.product_id = x.id)) as promotion_id
                     from unnest(cast(:products as bigint[])) as x (id)
                   union all
                   select null, x.id, null,
                          unnest(array(select s.promotion_id from pricing.promotion_scope s
                                        where s.category_id = x.id))
                     from unnest(cast(:categories as bigint[])) as x (id)
                   union all
                   select null, null, x.brand,
                          unnest(array(select s.promotion_id from pricing.promotion_scope s
                                        where s.brand = x.brand))
                     from unnest(cast(:brands as text[])) as x (brand)),
                 scoped as (
                   select promotion_id,
                          coalesce(array_agg(product_id) filter (where product_id is not null), '{}')
                              as product_ids,
                          coalesce(array_agg(category_id) filter (where category_id is not null), '{}')
                              as category_ids,
                          coalesce(array_agg(brand) filter (where brand is not null), '{}') as brands
                     from hits group by promotion_id)
            select r.*, coalesce(h.product_ids, '{}') as product_ids,
                   coalesce(h.category_ids, '{}') as category_ids, coalesce(h.brands, '{}') as brands,
                   h.promotion_id is null as everything
              from running r left join scoped h on h.promotion_id = r.id
             where h.promotion_id is not null
                or not exists (select 1 from pricing.promotion_scope s where s.promotion_id = r.id)""";

    private final NamedParameterJdbcTemplate jdbc;

    PricingRules(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules of one call, and the buyer with its group's price type, which is read with the price types. */
    record Loaded(Buyer buyer, RuleSet rules) {
    }

    /**
     * Reads the rules for the buyer and the products in one round trip, whatever the number of products: the price
     * types on the buyer's chains with the group's price type, the price rows of the lists a resolution reads with the
     * contract prices, and the promotions, as three statements sent together (PostgreSQL's extended protocol runs them
     * in order and answers once). The buyer's {@code groupPriceType} is not used: it is read here, from its
     * {@code groupId}.
     */
    Loaded load(Buyer buyer, Collection<Product> products, Instant now) {
        Long[] productIds = products.stream().map(Product::id).distinct().sorted().toArray(Long[]::new);
        Long[] categories = products.stream().flatMap(p -> p.categoryPath().stream()).distinct().toArray(Long[]::new);
        String[] brands = products.stream().map(Product::brand).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        String[] starts = Stream.of(buyer.contractPriceType(), PriceEngine.BASE).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("starts", starts)
                .addValue("group", buyer.groupId(), Types.BIGINT).addValue("company", buyer.companyId(), Types.BIGINT)
                .addValue("entity", buyer.legalEntityId(), Types.BIGINT)
                .addValue("contractType", buyer.contractPriceType(), Types.VARCHAR).addValue("products", productIds)
                .addValue("categories", categories).addValue("brands", brands)
                .addValue("now", Timestamp.from(now));

        Map<String, PriceType> types = new HashMap<>();
        Map<Long, PriceList> lists = new HashMap<>();
        String[] groupType = new String[1];
        Set<Long> listsRead = new HashSet<>();
        Map<Long, Map<Long, List<Tier>>> prices = new HashMap<>();
        Map<Long, ContractPrice> contractPrices = new HashMap<>();
        List<Promotion> promotions = new ArrayList<>();
        String sql = products.isEmpty() ? TYPES : TYPES + ";\n" + PRICES + ";\n" + PROMOTIONS;
        jdbc.execute(sql, params, (PreparedStatementCallback<Void>) statement -> {
            boolean result = statement.execute();
            int index = 0;
            while (result || statement.getUpdateCount() != -1) {
                if (result) {
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            switch (index) {
                                case 0 -> groupType[0] = type(rs, types, lists);
                                case 1 -> price(rs, listsRead, prices, contractPrices);
                                default -> promotions.add(promotion(rs, buyer));
                            }
                        }
                    }
                    index++;
                }
                result = statement.getMoreResults();
            }
            return null;
        });
        Buyer read = buyer.withGroupPriceType(groupType[0]);
        if (!products.isEmpty()) {
            Set<Long> missing = new HashSet<>(
                    PriceEngine.listsRead(new RuleSet(types, lists, Map.of(), Map.of(), List.of()), read));
            missing.removeAll(listsRead);
            if (!missing.isEmpty()) {
                jdbc.query(MORE_PRICES, Map.of("lists", missing.toArray(Long[]::new), "products", productIds),
                        (RowCallbackHandler) rs -> tier(rs, prices));
            }
        }
        return new Loaded(read, new RuleSet(types, lists, prices, contractPrices, promotions));
    }

    /** One row of {@link #TYPES}; returns the group's price type. */
    private static String type(ResultSet rs, Map<String, PriceType> types, Map<Long, PriceList> lists)
            throws SQLException {
        if (rs.getString("code") != null) {
            Long listId = (Long) rs.getObject("price_list_id");
            String kind = rs.getString("adjustment_kind");
            types.put(rs.getString("code"), new PriceType(rs.getString("code"), rs.getString("name"),
                    rs.getString("name_en"), listId, rs.getString("parent_code"),
                    kind == null ? null : AdjustmentKind.valueOf(kind), rs.getBigDecimal("adjustment"),
                    Rounding.valueOf(rs.getString("rounding"))));
            if (listId != null) {
                lists.put(listId, new PriceList(listId, rs.getString("list_code"), rs.getString("list_name"),
                        Currency.getInstance(rs.getString("currency")), rs.getBoolean("includes_vat")));
            }
        }
        return rs.getString("group_type");
    }

    /** One row of {@link #PRICES}: a list read, a price row or a contract price. */
    private static void price(ResultSet rs, Set<Long> listsRead, Map<Long, Map<Long, List<Tier>>> prices,
            Map<Long, ContractPrice> contractPrices) throws SQLException {
        switch (rs.getString("kind")) {
            case "L" -> listsRead.add(rs.getLong("price_list_id"));
            case "P" -> tier(rs, prices);
            default -> contractPrices.put(rs.getLong("product_id"), new ContractPrice(rs.getBigDecimal("amount"),
                    Currency.getInstance(rs.getString("currency")), rs.getBoolean("includes_vat")));
        }
    }

    private static void tier(ResultSet rs, Map<Long, Map<Long, List<Tier>>> prices) throws SQLException {
        prices.computeIfAbsent(rs.getLong("price_list_id"), k -> new HashMap<>())
                .computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>(2))
                .add(new Tier(rs.getBigDecimal("min_qty"), rs.getBigDecimal("amount")));
    }

    /** One row of {@link #PROMOTIONS}. */
    private static Promotion promotion(ResultSet rs, Buyer buyer) throws SQLException {
        Target target = Target.valueOf(rs.getString("target"));
        return new Promotion(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), true, target,
                target == Target.GROUPS ? Set.of(buyer.groupId()) : Set.of(),
                target == Target.COMPANIES ? Set.of(buyer.companyId()) : Set.of(), longs(rs.getArray("product_ids")),
                longs(rs.getArray("category_ids")), Set.of((String[]) rs.getArray("brands").getArray()),
                Effect.valueOf(rs.getString("effect")), rs.getBigDecimal("value"), rs.getBigDecimal("min_line_qty"),
                rs.getBigDecimal("min_order_amount"), rs.getInt("priority"), rs.getBoolean("stacks_with_contract"));
    }

    private static Set<Long> longs(java.sql.Array array) throws SQLException {
        Set<Long> values = new LinkedHashSet<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return values;
    }
}
