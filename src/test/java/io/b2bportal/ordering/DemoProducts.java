package io.b2bportal.ordering;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo products picked by what a test needs of them (pack, stock, backorders), so that a test states its case in one
 * line and does not depend on the generated stock figures.
 */
final class DemoProducts {

    private final JdbcClient jdbc;

    DemoProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active product and what is available of it now. */
    record Product(String sku, BigDecimal pack, BigDecimal minimum, BigDecimal available, boolean backorder) {
    }

    /** Active products of a SKU prefix with this pack and at least this much available, by SKU. */
    List<Product> inStock(String prefix, int pack, int atLeast, boolean backorder) {
        return jdbc.sql("""
                        select p.sku, p.pack_multiple as pack, p.min_order_qty as minimum, s.available,
                               p.backorder_allowed as backorder
                          from catalog.product p
                          join lateral (select sum(greatest(on_hand - reserved - held, 0)) as available from catalog.stock
                                         where product_id = p.id) s on true
                         where p.sku like :prefix and p.status = 'ACTIVE' and p.pack_multiple = :pack
                           and s.available >= :atLeast and p.backorder_allowed = :backorder
                         order by p.sku""")
                .param("prefix", prefix + "%").param("pack", pack).param("atLeast", atLeast)
                .param("backorder", backorder).query(Product.class).list();
    }

    Product product(String sku) {
        return jdbc.sql("""
                        select p.sku, p.pack_multiple as pack, p.min_order_qty as minimum,
                               (select coalesce(sum(greatest(on_hand - reserved - held, 0)), 0) from catalog.stock
                                 where product_id = p.id) as available, p.backorder_allowed as backorder
                          from catalog.product p where p.sku = :sku""")
                .param("sku", sku).query(Product.class).single();
    }

    /** Every active SKU of the demo catalog, by SKU. */
    List<String> allActive() {
        // plain SKUs only: other tests leave products with SKUs made to test escaping (a leading "=", a line break)
        return jdbc.sql("""
                        select sku from catalog.product
                         where status = 'ACTIVE' and sku ~ '^[A-Za-z0-9][A-Za-z0-9._/×-]*$' order by sku""")
                .query(String.class).list();
    }
}
