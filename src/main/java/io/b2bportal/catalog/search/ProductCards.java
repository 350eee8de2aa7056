package io.b2bportal.catalog.search;

import io.b2bportal.catalog.ProductCard;
import io.b2bportal.catalog.ProductCard.AttributeValue;
import io.b2bportal.catalog.ProductCard.FileRef;
import io.b2bportal.catalog.ProductCard.Related;
import io.b2bportal.catalog.ProductCard.StockLine;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everything the product page shows, read in a handful of queries; a product outside the segment does not exist. */
@Repository
public class ProductCards {

    private final JdbcClient jdbc;

    ProductCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProductCard> find(String sku, String segment) {
        var head = jdbc.sql("""
                        select p.id, p.sku, p.name, p.name_en, p.brand, p.mpn, p.barcodes, p.unit_code, p.unit_name,
                               p.pack_multiple, p.min_order_qty, p.weight_kg, p.volume_m3, p.vat_rate, p.description,
                               p.status, p.successor_sku, p.backorder_allowed, p.lead_time_days, c.id as category_id,
                               c.name as category_name, c.path as category_path
                          from catalog.product p join catalog.category c on c.id = p.category_id
                         where p.sku = :sku and %s""".formatted(Assortment.CONTAINS_P))
                .param("sku", sku).param("segment", segment)
                .query((rs, n) -> new Object[] {rs.getLong("id"), new ProductCard(rs.getLong("id"), rs.getString("sku"),
                        rs.getString("name"), rs.getString("name_en"), rs.getString("brand"), rs.getString("mpn"),
                        List.of((String[]) rs.getArray("barcodes").getArray()), rs.getString("unit_code"),
                        rs.getString("unit_name"), rs.getBigDecimal("pack_multiple"), rs.getBigDecimal("min_order_qty"),
                        rs.getBigDecimal("weight_kg"), rs.getBigDecimal("volume_m3"), rs.getString("vat_rate"),
                        rs.getString("description"), rs.getString("status"), rs.getString("successor_sku"),
                        rs.getBoolean("backorder_allowed"), (Integer) rs.getObject("lead_time_days"),
                        rs.getLong("category_id"), rs.getString("category_name"), List.of(), List.of(), List.of(),
                        List.of())})
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long id = (Long) head.get()[0];
        ProductCard card = (ProductCard) head.get()[1];
        List<AttributeValue> attributes = jdbc.sql("""
                        select a.code, a.name, a.name_en, a.unit, kv.value
                          from catalog.product p cross join lateral jsonb_each_text(p.attributes) kv(key, value)
                          join catalog.attribute a on a.code = kv.key
                         where p.id = :id order by a.position""")
                .param("id", id).query(AttributeValue.class).list();
        List<StockLine> stock = jdbc.sql("""
                        select w.code as warehouse_code, w.name as warehouse_name, coalesce(s.on_hand, 0) as on_hand,
                               coalesce(s.reserved + s.held, 0) as reserved, coalesce(greatest(s.on_hand - s.reserved - s.held, 0), 0) as available,
                               coalesce(s.incoming, 0) as incoming, s.incoming_date
                          from catalog.warehouse w
                          join catalog.stock s on s.warehouse_id = w.id and s.product_id = :id
                         order by w.position, w.id""")
                .param("id", id).query(StockLine.class).list();
        List<Related> related = jdbc.sql("""
                        select r.kind, p.sku, p.name, p.brand from catalog.product_relation r
                          join catalog.product p on p.id = r.related_id
                         where r.product_id = :id and %s
                         order by r.kind, p.name limit 20""".formatted(Assortment.CONTAINS_P))
                .param("id", id).param("segment", segment).query(Related.class).list();
        List<FileRef> files = jdbc.sql("""
                        select kind, title, blob_sha256 as sha256 from catalog.product_file
                         where product_id = :id order by kind, position, id""")
                .param("id", id).query(FileRef.class).list();
        return Optional.of(card.with(attributes, stock, related, files));
    }

    /** Whether a file belongs to a product the caller may see: only such files are served. */
    public boolean fileVisible(String sha256, String segment) {
        return jdbc.sql("""
                        select exists (
                          select 1 from catalog.product_file f join catalog.product p on p.id = f.product_id
                           where f.blob_sha256 = :sha and %s)""".formatted(Assortment.CONTAINS_P))
                .param("sha", sha256).param("segment", segment).query(Boolean.class).single();
    }
}
