package io.b2bportal.pricing.admin;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price lists and their prices, as the seller edits them: headers, one product's prices with quantity tiers, and a
 * percentage change of many prices in one statement. Every write records who made it and when, on the rows and on
 * the list, and goes into the audit log.
 */
@Service
public class PriceLists {

    static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,49}$");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final JdbcClient jdbc;
    private final PricingAdminAccess access;
    private final PricingAudit audit;

    PriceLists(JdbcClient jdbc, PricingAdminAccess access, PricingAudit audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /** A price list as the list of lists shows it. */
    public record Summary(long id, String code, String name, String currency, boolean includesVat, long products,
            long prices, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** What the seller sets on a price list. The code is chosen once and never changes. */
    public record Header(String code, String name, String currency, Boolean includesVat) {
    }

    /** One product's prices in a list, lowest quantity first. */
    public record ProductPrices(long productId, String sku, String name, List<Tier> tiers) {
    }

    /** A page of a price list's products. */
    public record PricePage(List<ProductPrices> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /**
     * A percentage change of a list's prices, optionally only of a category (with its subcategories) or a brand.
     *
     * @param percent +3 raises every price by 3 %, -2.5 lowers it by 2.5 %; results are rounded HALF_UP to kopecks
     */
    public record Adjustment(BigDecimal percent, String category, String brand) {
    }

    public List<Summary> list() {
        return jdbc.sql(SUMMARY + " order by l.code <> 'base', l.code").query(Summary.class).list();
    }

    public Optional<Summary> find(String code) {
        return jdbc.sql(SUMMARY + " where l.code = :code").param("code", code).query(Summary.class).optional();
    }

    public Summary require(String code) {
        return find(code).orElseThrow(() -> DomainException.notFound("price-list", code));
    }

    /**
     * The id of a list, or "not found". Writes and lookups of prices take this rather than {@link #require}, whose
     * counts read every row of the list (22 ms for the 166,000 rows of the pricing benchmark's base list, which
     * {@link #setPrices} paid three times).
     */
    private long listId(String code) {
        return jdbc.sql("select id from pricing.price_list where code = :code").param("code", code)
                .query(Long.class).optional().orElseThrow(() -> DomainException.notFound("price-list", code));
    }

    @Transactional
    public Summary create(PortalUser staff, Header header) {
        access.requireRuleEditor(staff);
        Issues issues = validate(header, true);
        if (!issues.has("code") && find(header.code()).isPresent()) {
            issues.add("code", "pricing.admin.list.code-taken", header.code());
        }
        issues.throwIfAny();
        jdbc.sql("""
                        insert into pricing.price_list (code, name, currency, includes_vat, updated_by)
                        values (:code, :name, :currency, :vat, :user) on conflict (code) do nothing""")
                .param("code", header.code()).param("name", header.name().strip()).param("currency", header.currency())
                .param("vat", header.includesVat()).param("user", staff.id()).update();
        audit.record(staff, "price-list.created", null, header.code() + " " + header.name().strip());
        return require(header.code());
    }

    @Transactional
    public Summary update(PortalUser staff, String code, Header header) {
        access.requireRuleEditor(staff);
        require(code);
        Header same = new Header(code, header.name(), header.currency(), header.includesVat());
        validate(same, false).throwIfAny();
        jdbc.sql("""
                        update pricing.price_list set name = :name, currency = :currency, includes_vat = :vat,
                               updated_at = now(), updated_by = :user
                         where code = :code""")
                .param("code", code).param("name", header.name().strip()).param("currency", header.currency())
                .param("vat", header.includesVat()).param("user", staff.id()).update();
        audit.record(staff, "price-list.updated", null, code + " " + header.name().strip() + " " + header.currency()
                + (header.includesVat() ? " VAT incl." : " VAT excl."));
        return require(code);
    }

    /** Deletes a price list with its prices; the base list, and a list a price type uses, stay. */
    @Transactional
    public void delete(PortalUser staff, String code) {
        access.requireRuleEditor(staff);
        Summary list = require(code);
        List<String> types = jdbc.sql("select code from pricing.price_type where price_list_id = :id order by code")
                .param("id", list.id()).query(String.class).list();
        if (!types.isEmpty()) {
            throw DomainException.conflict("price-list-in-use", "pricing.admin.list.in-use", code,
                    String.join(", ", types));
        }
        jdbc.sql("delete from pricing.price_list where id = :id").param("id", list.id()).update();
        audit.record(staff, "price-list.deleted", null, code + " (" + list.prices() + " prices)");
    }

    /** A page of the list's products by SKU; {@code q} matches the start of a SKU or a part of the name. */
    public PricePage prices(String code, String q, int page, int size) {
        long list = listId(code);
        String text = q == null ? "" : q.strip().toLowerCase();
        String filter = """
                 where exists (select 1 from pricing.price pr where pr.price_list_id = :list and pr.product_id = p.id)
                   and (:text = '' or lower(p.sku) like :prefix or lower(p.name) like :contains)""";
        long total = jdbc.sql("select count(*) from catalog.product p\n" + filter)
                .param("list", list).param("text", text).param("prefix", like(text) + "%")
                .param("contains", "%" + like(text) + "%").query(Long.class).single();
        List<PriceRow> rows = jdbc.sql("""
                        with page as (select p.id, p.sku, p.name from catalog.product p %s
                                       order by p.sku limit :limit offset :offset)
                        select page.id as product_id, page.sku, page.name, pr.min_qty, pr.amount
                          from page join pricing.price pr on pr.price_list_id = :list and pr.product_id = page.id
                         order by page.sku, pr.min_qty""".formatted(filter))
                .param("list", list).param("text", text).param("prefix", like(text) + "%")
                .param("contains", "%" + like(text) + "%").param("limit", size).param("offset", (long) page * size)
                .query(PriceRow.class).list();
        return new PricePage(group(rows), total, page, size);
    }

    /** The product's prices in the list; empty tiers when it has none there. */
    public ProductPrices pricesOf(String code, long productId) {
        long list = listId(code);
        Product product = product(productId).orElseThrow(() -> DomainException.notFound("product", productId));
        List<Tier> tiers = jdbc.sql("""
                        select min_qty, amount from pricing.price
                         where price_list_id = :list and product_id = :product order by min_qty""")
                .param("list", list).param("product", productId).query(Tier.class).list();
        return new ProductPrices(product.id(), product.sku(), product.name(), tiers);
    }

    public Optional<Long> productId(String sku) {
        return sku == null ? Optional.empty() : jdbc.sql("select id from catalog.product where sku = :sku")
                .param("sku", sku.strip()).query(Long.class).optional();
    }

    /**
     * Replaces a product's prices in the list by these tiers (at least one). A quantity is above zero and appears
     * once; a price is not negative, and a larger quantity never costs more a unit than a smaller one.
     */
    @Transactional
    public ProductPrices setPrices(PortalUser staff, String code, long productId, List<Tier> tiers) {
        access.requireRuleEditor(staff);
        long list = listId(code);
        product(productId).orElseThrow(() -> DomainException.notFound("product", productId));
        List<Tier> sorted = validateTiers(tiers);
        ProductPrices before = pricesOf(code, productId);
        jdbc.sql("""
                        delete from pricing.price
                         where price_list_id = :list and product_id = :product and not (min_qty = any (:quantities))""")
                .param("list", list).param("product", productId)
                .param("quantities", sorted.stream().map(Tier::minQty).toArray(BigDecimal[]::new)).update();
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, min_qty, amount, updated_by)
                        select :list, :product, t.qty, t.amount, :user
                          from unnest(cast(:quantities as numeric[]), cast(:amounts as numeric[])) as t (qty, amount)
                        on conflict (price_list_id, product_id, min_qty) do update
                           set amount = excluded.amount, updated_at = now(), updated_by = excluded.updated_by
                         where pricing.price.amount <> excluded.amount""")
                .param("list", list).param("product", productId).param("user", staff.id())
                .param("quantities", sorted.stream().map(Tier::minQty).toArray(BigDecimal[]::new))
                .param("amounts", sorted.stream().map(Tier::amount).toArray(BigDecimal[]::new)).update();
        touch(list, staff);
        ProductPrices after = pricesOf(code, productId);
        audit.record(staff, "prices.changed", null, code + " " + after.sku() + ": " + describe(before.tiers())
                + " → " + describe(after.tiers()));
        return after;
    }

    /** Takes a product out of the list (all its tiers). */
    @Transactional
    public void removeProduct(PortalUser staff, String code, long productId) {
        access.requireRuleEditor(staff);
        long list = listId(code);
        ProductPrices before = pricesOf(code, productId);
        if (before.tiers().isEmpty()) {
            throw DomainException.notFound("price", before.sku());
        }
        jdbc.sql("delete from pricing.price where price_list_id = :list and product_id = :product")
                .param("list", list).param("product", productId).update();
        touch(list, staff);
        audit.record(staff, "prices.removed", null, code + " " + before.sku() + ": " + describe(before.tiers()));
    }

    /**
     * Changes the prices of the list (or of one category subtree or brand of it) by a percentage in one UPDATE, each
     * new price rounded HALF_UP to kopecks. Returns how many prices changed: a price that rounds back to itself
     * (a 0.10 price plus 3 %) is not written and not counted.
     */
    @Transactional
    public int adjust(PortalUser staff, String code, Adjustment adjustment) {
        access.requireRuleEditor(staff);
        long list = listId(code);
        Issues issues = new Issues();
        BigDecimal percent = adjustment.percent();
        if (percent == null) {
            issues.add("percent", "pricing.admin.required");
        } else if (percent.signum() == 0 || percent.compareTo(new BigDecimal("-100")) <= 0
                || percent.compareTo(new BigDecimal("1000")) > 0) {
            issues.add("percent", "pricing.admin.adjust.percent-range");
        } else if (percent.stripTrailingZeros().scale() > 4) {
            issues.add("percent", "pricing.admin.number.scale", 4);
        }
        String path = null;
        String category = blankToNull(adjustment.category());
        if (category != null) {
            path = jdbc.sql("select path from catalog.category where code = :code").param("code", category)
                    .query(String.class).optional().orElse(null);
            if (path == null) {
                issues.add("category", "pricing.admin.unknown-category", category);
            }
        }
        String brand = blankToNull(adjustment.brand());
        issues.throwIfAny();
        BigDecimal factor = BigDecimal.ONE.add(percent.divide(HUNDRED));
        // one set-based statement: a 100,000-row list is one UPDATE, not 100,000
        String scope = path == null && brand == null ? "" : """
                   and pr.product_id in (select p.id from catalog.product p
                                          where (cast(:path as text) is null
                                                 or p.category_id in (select c.id from catalog.category c
                                                                       where c.path like :path || '%'))
                                            and (cast(:brand as text) is null or p.brand = :brand))""";
        int changed = jdbc.sql("""
                        update pricing.price pr
                           set amount = round(pr.amount * :factor, 2), updated_at = now(), updated_by = :user
                         where pr.price_list_id = :list
                           and round(pr.amount * :factor, 2) <> pr.amount
                        """ + scope)
                .param("factor", factor).param("user", staff.id()).param("list", list)
                .param("path", path).param("brand", brand).update();
        touch(list, staff);
        audit.record(staff, "prices.adjusted", null, code + " " + (percent.signum() > 0 ? "+" : "")
                + percent.stripTrailingZeros().toPlainString() + " %"
                + (category == null ? "" : ", category " + category) + (brand == null ? "" : ", brand " + brand)
                + ": " + changed + " prices");
        return changed;
    }

    /** The brands of the products in a list, for the bulk change's choice. */
    public List<String> brands(String code) {
        long list = listId(code);
        return jdbc.sql("""
                        select distinct p.brand from catalog.product p
                         where p.brand is not null
                           and exists (select 1 from pricing.price pr where pr.price_list_id = :list and pr.product_id = p.id)
                         order by p.brand""")
                .param("list", list).query(String.class).list();
    }

    /** The tiers sorted by quantity, or {@link InvalidPricingInput} naming each bad one. */
    static List<Tier> validateTiers(List<Tier> tiers) {
        Issues issues = new Issues();
        if (tiers == null || tiers.isEmpty()) {
            issues.add("tiers", "pricing.admin.tiers.empty");
            issues.throwIfAny();
        }
        Map<BigDecimal, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String field = "tiers[" + i + "]";
            BigDecimal qty = tier == null ? null : tier.minQty();
            BigDecimal amount = tier == null ? null : tier.amount();
            if (qty == null) {
                issues.add(field + ".minQty", "pricing.admin.required");
            } else if (qty.signum() <= 0) {
                issues.add(field + ".minQty", "pricing.admin.tiers.qty-positive");
            } else if (qty.stripTrailingZeros().scale() > 3 || qty.compareTo(MAX_AMOUNT) > 0) {
                issues.add(field + ".minQty", "pricing.admin.number.scale", 3);
            } else if (seen.containsKey(qty.stripTrailingZeros())) {
                issues.add(field + ".minQty", "pricing.admin.tiers.qty-duplicate", qty.stripTrailingZeros().toPlainString());
            } else {
                seen.put(qty.stripTrailingZeros(), i);
            }
            checkAmount(issues, field + ".amount", amount);
        }
        issues.throwIfAny();
        List<Tier> sorted = tiers.stream().sorted(Comparator.comparing(Tier::minQty)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            Tier smaller = sorted.get(i - 1);
            Tier larger = sorted.get(i);
            if (larger.amount().compareTo(smaller.amount()) > 0) {
                issues.add("tiers[" + tiers.indexOf(larger) + "].amount", "pricing.admin.tiers.raises",
                        larger.minQty().stripTrailingZeros().toPlainString(),
                        smaller.minQty().stripTrailingZeros().toPlainString(),
                        smaller.amount().stripTrailingZeros().toPlainString());
            }
        }
        issues.throwIfAny();
        return sorted;
    }

    static void checkAmount(Issues issues, String field, BigDecimal amount) {
        if (amount == null) {
            issues.add(field, "pricing.admin.required");
        } else if (amount.signum() < 0) {
            issues.add(field, "pricing.admin.amount.negative");
        } else if (amount.stripTrailingZeros().scale() > 4 || amount.compareTo(MAX_AMOUNT) > 0) {
            issues.add(field, "pricing.admin.number.scale", 4);
        }
    }

    private static Issues validate(Header header, boolean withCode) {
        Issues issues = new Issues();
        if (withCode && (header.code() == null || !CODE.matcher(header.code()).matches())) {
            issues.add("code", "pricing.admin.code.invalid");
        }
        if (header.name() == null || header.name().isBlank() || header.name().strip().length() > 200) {
            issues.add("name", "pricing.admin.name.invalid");
        }
        if (header.currency() == null || !header.currency().matches("^[A-Z]{3}$") || !knownCurrency(header.currency())) {
            issues.add("currency", "pricing.admin.currency.invalid");
        }
        if (header.includesVat() == null) {
            issues.add("includesVat", "pricing.admin.required");
        }
        return issues;
    }

    private static boolean knownCurrency(String code) {
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }

    private void touch(long listId, PortalUser staff) {
        jdbc.sql("update pricing.price_list set updated_at = now(), updated_by = :user where id = :id")
                .param("user", staff.id()).param("id", listId).update();
    }

    private record Product(long id, String sku, String name) {
    }

    private Optional<Product> product(long id) {
        return jdbc.sql("select id, sku, name from catalog.product where id = :id").param("id", id)
                .query(Product.class).optional();
    }

    private record PriceRow(long productId, String sku, String name, BigDecimal minQty, BigDecimal amount) {
    }

    private static List<ProductPrices> group(List<PriceRow> rows) {
        Map<Long, List<PriceRow>> byProduct = rows.stream()
                .collect(Collectors.groupingBy(PriceRow::productId, LinkedHashMap::new, Collectors.toList()));
        List<ProductPrices> result = new ArrayList<>();
        byProduct.forEach((id, tiers) -> result.add(new ProductPrices(id, tiers.getFirst().sku(),
                tiers.getFirst().name(), tiers.stream().map(r -> new Tier(r.minQty(), r.amount())).toList())));
        return result;
    }

    static String describe(List<Tier> tiers) {
        return tiers.isEmpty() ? "—" : tiers.stream()
                .map(t -> t.minQty().stripTrailingZeros().toPlainString() + ":"
                        + t.amount().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(" "));
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final String SUMMARY = """
            select l.id, l.code, l.name, l.currency, l.includes_vat,
                   coalesce(c.products, 0) as products, coalesce(c.prices, 0) as prices,
                   l.updated_at, u.display_name as updated_by
              from pricing.price_list l
              left join lateral (select count(distinct pr.product_id) as products, count(*) as prices
                                   from pricing.price pr where pr.price_list_id = l.id) c on true
              left join platform.user_account u on u.id = l.updated_by""";
}
