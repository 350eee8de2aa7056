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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads the rules for one buyer and a set of products in a fixed number of statements, whatever the number of
 * products: price types with their lists (a tiny table, read every time, so a change is seen by the next request on
 * every node), the price rows of the lists the buyer's chain can reach (through the primary key
 * {@code (price_list_id, product_id, min_qty)}), the buyer's contract prices, and the running promotions for the
 * buyer that cover any of the products. Nothing is cached across requests.
 */
@Repository
class PricingRules {

    private final JdbcClient jdbc;

    PricingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The price type assigned to a customer group, if any. */
    String groupPriceType(Long groupId) {
        if (groupId == null) {
            return null;
        }
        return jdbc.sql("select price_type_code from pricing.group_price_type where group_id = :group")
                .param("group", groupId).query(String.class).optional().orElse(null);
    }

    RuleSet load(Buyer buyer, Collection<Product> products, Instant now) {
        Map<String, PriceType> types = new HashMap<>();
        Map<Long, PriceList> lists = new HashMap<>();
        jdbc.sql("""
                        select t.code, t.name, t.name_en, t.price_list_id, t.parent_code, t.adjustment_kind,
                               t.adjustment, t.rounding, l.code as list_code, l.name as list_name, l.currency,
                               l.includes_vat
                          from pricing.price_type t left join pricing.price_list l on l.id = t.price_list_id""")
                .query((rs, n) -> {
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
                    return null;
                }).list();
        if (products.isEmpty()) {
            return new RuleSet(types, lists, Map.of(), Map.of(), List.of());
        }
        Long[] productIds = products.stream().map(Product::id).distinct().toArray(Long[]::new);
        Long[] listIds = reachableLists(types, buyer).toArray(Long[]::new);
        Map<Long, Map<Long, List<Tier>>> prices = new HashMap<>();
        if (listIds.length > 0) {
            jdbc.sql("""
                            select price_list_id, product_id, min_qty, amount from pricing.price
                             where price_list_id = any(:lists) and product_id = any(:products)""")
                    .param("lists", listIds).param("products", productIds)
                    .query((rs, n) -> prices.computeIfAbsent(rs.getLong("price_list_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>())
                            .add(new Tier(rs.getBigDecimal("min_qty"), rs.getBigDecimal("amount"))))
                    .list();
        }
        Map<Long, ContractPrice> contractPrices = new HashMap<>();
        if (buyer.legalEntityId() != null) {
            jdbc.sql("""
                            select product_id, amount, currency, includes_vat from pricing.contract_price
                             where legal_entity_id = :entity and product_id = any(:products)""")
                    .param("entity", buyer.legalEntityId()).param("products", productIds)
                    .query((rs, n) -> contractPrices.put(rs.getLong("product_id"), new ContractPrice(
                            rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency")),
                            rs.getBoolean("includes_vat"))))
                    .list();
        }
        return new RuleSet(types, lists, prices, contractPrices, promotions(buyer, products, productIds, now));
    }

    /**
     * The running promotions for this buyer (everyone's, its group's, its company's) that cover at least one of the
     * products, with only the scope entries that matter for them. A promotion without any scope covers everything.
     */
    private List<Promotion> promotions(Buyer buyer, Collection<Product> products, Long[] productIds, Instant now) {
        Long[] categories = products.stream().flatMap(p -> p.categoryPath().stream()).distinct().toArray(Long[]::new);
        String[] brands = products.stream().map(Product::brand).filter(b -> b != null).distinct()
                .toArray(String[]::new);
        return jdbc.sql("""
                        select p.id, p.name, p.name_en, p.starts_at, p.ends_at, p.target, p.effect, p.value,
                               p.min_line_qty, p.min_order_amount, p.priority, p.stacks_with_contract,
                               array(select s.product_id from pricing.promotion_scope s
                                      where s.promotion_id = p.id and s.product_id = any(:products)) as product_ids,
                               array(select s.category_id from pricing.promotion_scope s
                                      where s.promotion_id = p.id and s.category_id = any(:categories)) as category_ids,
                               array(select s.brand from pricing.promotion_scope s
                                      where s.promotion_id = p.id and s.brand = any(:brands)) as brands,
                               not exists (select 1 from pricing.promotion_scope s where s.promotion_id = p.id)
                                   as everything
                          from pricing.promotion p
                         where p.active and p.starts_at <= :now and p.ends_at > :now
                           and (p.target = 'EVERYONE'
                                or exists (select 1 from pricing.promotion_target t
                                            where t.promotion_id = p.id
                                              and (t.group_id = :group or t.company_id = :company)))""")
                .param("products", productIds).param("categories", categories).param("brands", brands)
                .param("now", Timestamp.from(now)).param("group", buyer.groupId()).param("company", buyer.companyId())
                .query((rs, n) -> {
                    Set<Long> scopeProducts = longs(rs.getArray("product_ids"));
                    Set<Long> scopeCategories = longs(rs.getArray("category_ids"));
                    Set<String> scopeBrands = Set.of((String[]) rs.getArray("brands").getArray());
                    boolean everything = rs.getBoolean("everything");
                    if (!everything && scopeProducts.isEmpty() && scopeCategories.isEmpty() && scopeBrands.isEmpty()) {
                        return null;
                    }
                    Target target = Target.valueOf(rs.getString("target"));
                    return new Promotion(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), true,
                            target, target == Target.GROUPS ? Set.of(buyer.groupId()) : Set.of(),
                            target == Target.COMPANIES ? Set.of(buyer.companyId()) : Set.of(), scopeProducts,
                            scopeCategories, scopeBrands, Effect.valueOf(rs.getString("effect")),
                            rs.getBigDecimal("value"), rs.getBigDecimal("min_line_qty"),
                            rs.getBigDecimal("min_order_amount"), rs.getInt("priority"),
                            rs.getBoolean("stacks_with_contract"));
                }).list().stream().filter(p -> p != null).toList();
    }

    /** The lists the buyer's candidate types reach, plus the base type's (where a missing product falls back). */
    private static Set<Long> reachableLists(Map<String, PriceType> types, Buyer buyer) {
        Set<Long> lists = new LinkedHashSet<>();
        for (String start : new String[] {buyer.contractPriceType(), buyer.groupPriceType(), PriceEngine.BASE}) {
            Set<String> seen = new LinkedHashSet<>();
            String code = start;
            while (code != null && seen.add(code) && types.containsKey(code)) {
                PriceType type = types.get(code);
                if (type.isList()) {
                    lists.add(type.priceListId());
                }
                code = type.parentCode();
            }
        }
        return lists;
    }

    private static Set<Long> longs(java.sql.Array array) throws java.sql.SQLException {
        Set<Long> values = new LinkedHashSet<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return values;
    }
}
