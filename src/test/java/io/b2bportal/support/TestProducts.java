package io.b2bportal.support;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A product of a test's own, so that its stock and prices are nobody else's: a fresh SKU with this prefix in the
 * first leaf category, this much on hand in the first warehouse, and this base price a piece (with VAT).
 */
public final class TestProducts {

    private TestProducts() {
    }

    public static String create(JdbcClient jdbc, String prefix, String name, String nameEn, String price, int onHand,
            boolean backorder) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long id = jdbc.sql("""
                        insert into catalog.product (sku, name, name_en, category_id, backorder_allowed, lead_time_days)
                        values (:sku, :name, :nameEn, (select min(id) from catalog.category where parent_id is not null),
                                :backorder, :lead)
                        returning id""")
                .param("sku", sku).param("name", name + " " + sku).param("nameEn", nameEn + " " + sku)
                .param("backorder", backorder).param("lead", backorder ? 10 : null).query(Long.class).single();
        jdbc.sql("""
                        insert into catalog.stock (product_id, warehouse_id, on_hand)
                        values (:id, (select min(id) from catalog.warehouse), :onHand)""")
                .param("id", id).param("onHand", onHand).update();
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, amount)
                        select price_list_id, :id, :amount from pricing.price_type where code = 'base'""")
                .param("id", id).param("amount", new BigDecimal(price)).update();
        return sku;
    }
}
