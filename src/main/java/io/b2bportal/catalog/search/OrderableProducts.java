package io.b2bportal.catalog.search;

import io.b2bportal.catalog.OrderableProduct;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products for ordering, looked up set-based: any number of SKUs (any case) or ids in one query, with stock summed
 * over warehouses and whether each is in the caller's assortment; and up to N similar SKUs for any number of unknown
 * ones, also in one query (trigram distance on the GiST index of {@code lower(sku)}).
 */
@Repository
public class OrderableProducts {

    private static final String COLUMNS = """
            select p.id, p.sku, %s as in_assortment, p.name, p.name_en, p.unit_code, p.unit_name, p.pack_multiple,
                   p.min_order_qty, p.status, p.successor_sku, p.backorder_allowed, p.lead_time_days,
                   coalesce(s.available, 0) as available, coalesce(s.incoming, 0) as incoming, s.incoming_date
              from catalog.product p
              left join lateral (select sum(greatest(on_hand - reserved - held, 0)) as available, sum(incoming) as incoming,
                                        min(incoming_date) filter (where incoming > 0) as incoming_date
                                   from catalog.stock where product_id = p.id) s on true
            """.formatted(Assortment.CONTAINS_P);

    private final JdbcClient jdbc;

    OrderableProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrderableProduct> bySku(Collection<String> skus, String segment) {
        if (skus.isEmpty()) {
            return List.of();
        }
        String[] lower = skus.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        // joined with the unnest-ed list rather than "= any(:skus)": 10,000 SKUs are a hash or index join, not a
        // comparison of every product with every SKU
        return jdbc.sql(COLUMNS.replace("from catalog.product p", """
                        from (select distinct u.sku from unnest(cast(:skus as text[])) as u(sku)) u
                        join catalog.product p on lower(p.sku) = u.sku"""))
                .param("skus", lower).param("segment", segment).query(OrderableProducts::product).list();
    }

    public List<OrderableProduct> byId(Collection<Long> ids, String segment) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where p.id = any(cast(:ids as bigint[]))")
                .param("ids", ids.stream().distinct().toArray(Long[]::new)).param("segment", segment)
                .query(OrderableProducts::product).list();
    }

    /** For each typed SKU (lower case), the active SKUs of the assortment nearest to it, best first. */
    public Map<String, List<String>> similar(Collection<String> typed, int perSku, String segment) {
        Map<String, List<String>> similar = new LinkedHashMap<>();
        if (typed.isEmpty()) {
            return similar;
        }
        String[] lower = typed.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        jdbc.sql("""
                        select u.typed, m.sku
                          from unnest(cast(:typed as text[])) with ordinality as u(typed, n)
                          cross join lateral (
                                select p.sku from catalog.product p
                                 where lower(p.sku) %% u.typed and p.status = 'ACTIVE' and %s
                                 order by lower(p.sku) <-> u.typed, p.sku
                                 limit :limit) m
                         order by u.n""".formatted(Assortment.CONTAINS_P))
                .param("typed", lower).param("limit", perSku).param("segment", segment)
                .query((rs, n) -> similar.computeIfAbsent(rs.getString("typed"), k -> new java.util.ArrayList<>())
                        .add(rs.getString("sku")))
                .list();
        return similar;
    }

    private static OrderableProduct product(ResultSet rs, int row) throws SQLException {
        if (!rs.getBoolean("in_assortment")) {
            return new OrderableProduct(rs.getLong("id"), rs.getString("sku"), false, null, null, null, null, null,
                    null, null, null, false, null, null, null, null);
        }
        return new OrderableProduct(rs.getLong("id"), rs.getString("sku"), true, rs.getString("name"),
                rs.getString("name_en"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getBigDecimal("pack_multiple"), rs.getBigDecimal("min_order_qty"), rs.getString("status"),
                rs.getString("successor_sku"), rs.getBoolean("backorder_allowed"),
                (Integer) rs.getObject("lead_time_days"), rs.getBigDecimal("available"), rs.getBigDecimal("incoming"),
                rs.getObject("incoming_date", java.time.LocalDate.class));
    }
}
