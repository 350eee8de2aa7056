package io.b2bportal.catalog.search;

import io.b2bportal.catalog.PriceDisplay;
import io.b2bportal.catalog.ProductQuery;
import io.b2bportal.catalog.ProductRow;
import io.b2bportal.catalog.SearchResult;
import io.b2bportal.catalog.SearchResult.Facet;
import io.b2bportal.catalog.SearchResult.FacetValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import io.b2bportal.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product search in SQL, at request time. The best match comes first: the exact SKU, then SKU/MPN prefixes and
 * barcodes, then full-text matches in Russian and English (stemmed) ranked by relevance. Only when nothing matches
 * does a typo-tolerant trigram search run. Facets (brands, attribute values) count the same filtered set, limited
 * to the caller's assortment segment. A price range filters on the caller's own price, resolved by the pricing engine
 * for every product the other filters leave (at most {@link #PRICE_FILTER_MAX} of them), so it is exact for contract
 * prices and promotions and needs no price index.
 */
@Repository
public class ProductSearch {

    private static final Pattern ATTRIBUTE_CODE = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    /** The most products a price range is resolved for; beyond it the buyer is asked to narrow the search first. */
    public static final int PRICE_FILTER_MAX = 20_000;

    private final JdbcClient jdbc;
    private final ObjectProvider<PriceDisplay> prices;

    ProductSearch(JdbcClient jdbc, ObjectProvider<PriceDisplay> prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    /** The matching set as SQL: a {@code where} over {@code catalog.product p}, with its parameters. */
    private record Filter(String where, Map<String, Object> params) {

        Filter and(String condition, String name, Object value) {
            Map<String, Object> more = new HashMap<>(params);
            more.put(name, value);
            return new Filter(where + " and " + condition, more);
        }
    }

    /** The ids of the products the other filters leave whose price for the caller lies in the range asked. */
    private Long[] pricedWithin(ProductQuery query, Filter filter) {
        PriceDisplay display = prices.getIfAvailable();
        if (display == null) {
            return new Long[0];
        }
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("max", PRICE_FILTER_MAX + 1);
        List<Long> candidates = jdbc.sql("select p.id from catalog.product p where " + filter.where() + " limit :max")
                .params(params).query(Long.class).list();
        if (candidates.size() > PRICE_FILTER_MAX) {
            throw DomainException.invalid("price-filter-too-broad", "catalog.priceFilter.tooBroad", PRICE_FILTER_MAX);
        }
        Set<Long> within = display.pricedWithin(candidates, query.priceFrom(), query.priceTo());
        return within.toArray(Long[]::new);
    }

    @Transactional(readOnly = true)
    public SearchResult search(ProductQuery query, String segment) {
        // a search touches thousands of rows at most: starting parallel workers costs more than it saves and, on a
        // busy server, took hundreds of milliseconds even for an exact SKU (bench/catalog, docs/benchmarks.md)
        jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query().singleRow();
        SearchResult strict = run(query, segment, false);
        if (strict.total() > 0 || query.text() == null) {
            return strict;
        }
        // nothing matched exactly or by words: forgive typos ("болд м8", "шурупвёрт")
        TextMatch.forgiveTypos(jdbc);
        return run(query, segment, true);
    }

    private SearchResult run(ProductQuery query, String segment, boolean fuzzy) {
        Filter withoutBrand = filter(query, segment, fuzzy, false);
        Filter all = filter(query, segment, fuzzy, true);
        if (query.pricedBetween()) {
            Long[] priced = pricedWithin(query, withoutBrand);
            withoutBrand = withoutBrand.and("p.id = any(:priced)", "priced", priced);
            all = all.and("p.id = any(:priced)", "priced", priced);
        }
        long total = jdbc.sql("select count(*) from catalog.product p where " + all.where())
                .params(all.params()).query(Long.class).single();
        List<ProductRow> rows = total == 0 ? List.of() : rows(query, all);
        return new SearchResult(rows, total, total == 0 ? List.of() : facets(all), brands(withoutBrand));
    }

    private List<ProductRow> rows(ProductQuery query, Filter filter) {
        String order = switch (query.sort()) {
            case "name" -> "p.name, p.sku";
            case "sku" -> "p.sku";
            default -> query.text() == null ? "p.name, p.sku" : TextMatch.RELEVANCE;
        };
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("limit", query.size());
        params.put("offset", query.page() * query.size());
        // the page first, then category and stock for its rows only: summing the stock of every match before the
        // sort cost more than the search itself (bench/catalog, docs/benchmarks.md)
        return jdbc.sql("""
                        select p.id, p.sku, p.name, p.brand, p.unit_name, p.pack_multiple, p.min_order_qty, p.status,
                               p.successor_sku, coalesce(s.available, 0) as available, coalesce(s.incoming, 0) as incoming,
                               p.backorder_allowed, c.name as category_name, img.blob_sha256 as image_sha256
                          from (select p.* from catalog.product p
                                 where %s
                                 order by %s
                                 limit :limit offset :offset) p
                          join catalog.category c on c.id = p.category_id
                          left join lateral (select blob_sha256 from catalog.product_file
                                              where product_id = p.id and kind = 'IMAGE'
                                              order by position, id limit 1) img on true
                          left join lateral (select sum(greatest(on_hand - reserved - held, 0)) as available, sum(incoming) as incoming
                                               from catalog.stock where product_id = p.id) s on true
                         order by %s""".formatted(filter.where(), order, order))
                .params(params).query(ProductRow.class).list();
    }

    private List<Facet> facets(Filter filter) {
        Map<String, Facet> facets = new LinkedHashMap<>();
        // counted by (key, value) first and joined to the attribute afterwards: one join per value, not per product
        jdbc.sql("""
                        select a.code, a.name, a.name_en, a.unit, f.value, f.products
                          from (select kv.key, kv.value, count(*) as products
                                  from catalog.product p
                                  cross join lateral jsonb_each_text(p.attributes) as kv(key, value)
                                 where %s
                                 group by kv.key, kv.value) f
                          join catalog.attribute a on a.code = f.key and a.filterable
                         order by a.position, case when f.value ~ '^-?[0-9]+(\\.[0-9]+)?$'
                                                   then cast(f.value as numeric) end, f.value""".formatted(filter.where()))
                .params(filter.params())
                .query((rs, n) -> {
                    Facet facet = facets.computeIfAbsent(rs.getString("code"), code -> {
                        try {
                            return new Facet(code, rs.getString("name"), rs.getString("name_en"), rs.getString("unit"),
                                    new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    facet.values().add(new FacetValue(rs.getString("value"), rs.getLong("products")));
                    return facet;
                }).list();
        return List.copyOf(facets.values());
    }

    private List<FacetValue> brands(Filter filter) {
        return jdbc.sql("""
                        select p.brand as value, count(*) as count from catalog.product p
                         where %s and p.brand is not null group by p.brand order by count(*) desc, p.brand limit 50"""
                        .formatted(filter.where()))
                .params(filter.params()).query(FacetValue.class).list();
    }

    private Filter filter(ProductQuery query, String segment, boolean fuzzy, boolean withBrands) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (segment != null) {
            where.add(Assortment.CONTAINS_P);
            params.put("segment", segment);
        }
        if (query.categoryId() != null) {
            where.add("""
                    p.category_id in (select c.id from catalog.category c
                                       where c.path like (select path from catalog.category where id = :category) || '%')""");
            params.put("category", query.categoryId());
        }
        if (query.text() != null) {
            params.putAll(TextMatch.params(query.text()));
            where.add(fuzzy ? TextMatch.FUZZY : TextMatch.STRICT);
        }
        if (withBrands && !query.brands().isEmpty()) {
            where.add("p.brand = any(:brands)");
            params.put("brands", query.brands().toArray(String[]::new));
        }
        int i = 0;
        for (var attribute : query.attributes().entrySet()) {
            if (!ATTRIBUTE_CODE.matcher(attribute.getKey()).matches() || attribute.getValue().isEmpty()) {
                continue;
            }
            where.add("p.attributes ->> :attrCode" + i + " = any(:attrValues" + i + ")");
            params.put("attrCode" + i, attribute.getKey());
            params.put("attrValues" + i, attribute.getValue().toArray(String[]::new));
            i++;
        }
        if (query.inStockOnly()) {
            where.add("exists (select 1 from catalog.stock s where s.product_id = p.id and s.on_hand > s.reserved + s.held)");
        }
        return new Filter(where.isEmpty() ? "true" : String.join(" and ", where), params);
    }
}
