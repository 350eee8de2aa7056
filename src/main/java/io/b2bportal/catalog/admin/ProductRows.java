package io.b2bportal.catalog.admin;

import io.b2bportal.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The product row the editors change around: found by SKU, and its {@code updated_at} moved on every change. */
@Component
class ProductRows {

    private final JdbcClient jdbc;

    ProductRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long id(String sku) {
        return jdbc.sql("select id from catalog.product where sku = :sku").param("sku", sku).query(Long.class)
                .optional().orElseThrow(() -> DomainException.notFound("product", sku));
    }

    void touch(long id) {
        jdbc.sql("update catalog.product set updated_at = now() where id = :id").param("id", id).update();
    }
}
