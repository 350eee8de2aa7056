package io.b2bportal.catalog.admin;

import io.b2bportal.catalog.admin.StockPolicy.StockLine;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.StoredBlob;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog manager's changes to one product: its own fields, analogs and related products, images and documents,
 * stock per warehouse. Each change is checked whole before anything is written and runs in one transaction, so a
 * refused change leaves the product as it was; every change that is made moves the product's {@code updated_at}.
 */
@Service
public class ProductEditor {

    public static final Set<String> RELATION_KINDS = Set.of("ANALOG", "RELATED");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final AdminProducts products;

    ProductEditor(JdbcClient jdbc, BlobStore blobs, AdminProducts products) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.products = products;
    }

    /** The attribute values of a change, typed, and the codes it clears. */
    private record Attributes(String json, String[] cleared) {
    }

    /** Adds a product; returns its SKU. */
    @Transactional
    public String create(PortalUser staff, ProductChange change) {
        CatalogManager.require(staff);
        List<Rejection> reasons = new ArrayList<>();
        if (products.exists(change.sku())) {
            reasons.add(Rejection.of("sku", "catalog.admin.sku.exists", change.sku()));
        }
        Attributes attributes = check(change, reasons);
        try {
            jdbc.sql("""
                            insert into catalog.product (sku, name, name_en, brand, mpn, barcodes, unit_code, unit_name,
                                pack_multiple, min_order_qty, weight_kg, volume_m3, vat_rate, purchase_cost, description,
                                category_id, status, successor_sku, backorder_allowed, lead_time_days, attributes)
                            values (:sku, :name, :nameEn, :brand, :mpn, :barcodes, :unitCode, :unitName, :pack, :minQty,
                                :weight, :volume, :vat, :cost, :description, :category, :status, :successor,
                                :backorder, :leadTime, cast(:attributes as jsonb))""")
                    .params(params(change, attributes)).update();
        } catch (DuplicateKeyException e) {
            // someone added the same SKU between the check and the insert
            throw ProductRejected.of(Rejection.of("sku", "catalog.admin.sku.exists", change.sku()));
        }
        return change.sku();
    }

    /**
     * Changes a product's own fields, if {@code version} is still what the editor saw (else 409: someone else changed
     * it meanwhile). The SKU stays. Attributes not named in the change keep their values.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean update(PortalUser staff, String sku, String version, ProductChange change) {
        CatalogManager.require(staff);
        long id = id(sku);
        List<Rejection> reasons = new ArrayList<>();
        Attributes attributes = check(new ProductChange(sku, change.name(), change.nameEn(), change.brand(),
                change.mpn(), change.barcodes(), change.unitCode(), change.unitName(), change.packMultiple(),
                change.minOrderQty(), change.weightKg(), change.volumeM3(), change.vatRate(), change.purchaseCost(),
                change.description(), change.categoryId(), change.status(), change.successorSku(),
                change.backorderAllowed(), change.leadTimeDays(), change.attributes()), reasons);
        String current = jdbc.sql("select %s from catalog.product p where p.id = :id for update"
                        .formatted(AdminProducts.VERSION))
                .param("id", id).query(String.class).single();
        if (!current.equals(version)) {
            throw DomainException.conflict("catalog-product-changed", "catalog.admin.product.conflict", sku);
        }
        Map<String, Object> params = params(change, attributes);
        params.put("id", id);
        String newAttributes = "(p.attributes - cast(:cleared as text[])) || cast(:attributes as jsonb)";
        return jdbc.sql("""
                        update catalog.product p set name = :name, name_en = :nameEn, brand = :brand, mpn = :mpn,
                               barcodes = :barcodes, unit_code = :unitCode, unit_name = :unitName,
                               pack_multiple = :pack, min_order_qty = :minQty, weight_kg = :weight, volume_m3 = :volume,
                               vat_rate = :vat, purchase_cost = :cost, description = :description,
                               category_id = :category, status = :status, successor_sku = :successor,
                               backorder_allowed = :backorder, lead_time_days = :leadTime, attributes = %s,
                               updated_at = now()
                         where p.id = :id
                           and row(p.name, p.name_en, p.brand, p.mpn, p.barcodes, p.unit_code, p.unit_name,
                                   p.pack_multiple, p.min_order_qty, p.weight_kg, p.volume_m3, p.vat_rate,
                                   p.purchase_cost, p.description, p.category_id, p.status, p.successor_sku,
                                   p.backorder_allowed, p.lead_time_days, p.attributes)
                               is distinct from
                               row(cast(:name as text), cast(:nameEn as text), cast(:brand as text), cast(:mpn as text),
                                   cast(:barcodes as text[]), cast(:unitCode as text), cast(:unitName as text),
                                   cast(:pack as numeric), cast(:minQty as numeric), cast(:weight as numeric),
                                   cast(:volume as numeric), cast(:vat as text), cast(:cost as numeric),
                                   cast(:description as text), cast(:category as bigint), cast(:status as text),
                                   cast(:successor as text), cast(:backorder as boolean), cast(:leadTime as int), %s)"""
                        .formatted(newAttributes, newAttributes))
                .params(params).update() > 0;
    }

    /**
     * What the catalog would say about a change whose form already has errors, so that all reasons are shown at once:
     * the SKU is taken, the category or successor is unknown, an attribute value does not fit its type.
     *
     * @param sku the product being edited, or null for a new one
     */
    @Transactional(readOnly = true)
    public List<Rejection> review(String sku, ProductChange change) {
        List<Rejection> reasons = new ArrayList<>();
        String own = sku != null ? sku : change.sku();
        if (sku == null && own != null && products.exists(own)) {
            reasons.add(Rejection.of("sku", "catalog.admin.sku.exists", own));
        }
        try {
            check(new ProductChange(own, change.name(), change.nameEn(), change.brand(), change.mpn(),
                    change.barcodes(), change.unitCode(), change.unitName(), change.packMultiple(),
                    change.minOrderQty(), change.weightKg(), change.volumeM3(), change.vatRate(), change.purchaseCost(),
                    change.description(), change.categoryId(), change.status(), change.successorSku(),
                    change.backorderAllowed(), change.leadTimeDays(), change.attributes()), reasons);
        } catch (ProductRejected e) {
            return e.rejections();
        }
        return reasons;
    }

    /** Everything about the change that needs the catalog; throws with every reason found, or types the attributes. */
    private Attributes check(ProductChange change, List<Rejection> reasons) {
        if (change.categoryId() == null || !jdbc.sql("select exists (select 1 from catalog.category where id = :id)")
                .param("id", change.categoryId()).query(Boolean.class).single()) {
            reasons.add(Rejection.of("categoryId", "catalog.admin.category.unknown"));
        }
        SuccessorPolicy.check(change.sku(), change.status(), blank(change.successorSku()), products::exists)
                .ifPresent(reasons::add);
        Map<String, String> types = new HashMap<>();
        if (!change.attributes().isEmpty()) {
            jdbc.sql("select code, type from catalog.attribute where code = any(:codes)")
                    .param("codes", change.attributes().keySet().toArray(String[]::new))
                    .query(rs -> {
                        types.put(rs.getString(1), rs.getString(2));
                    });
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> cleared = new ArrayList<>();
        change.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String type = types.get(entry.getKey());
            if (type == null) {
                reasons.add(Rejection.of(AttributeValuePolicy.field(entry.getKey()), "catalog.admin.attribute.unknown",
                        entry.getKey()));
                return;
            }
            AttributeValuePolicy.Outcome outcome = AttributeValuePolicy.parse(entry.getKey(), type, entry.getValue());
            if (!outcome.accepted()) {
                reasons.add(outcome.rejection());
            } else if (outcome.value() == null) {
                cleared.add(entry.getKey());
            } else {
                values.put(entry.getKey(), outcome.value());
            }
        });
        if (!reasons.isEmpty()) {
            throw new ProductRejected(reasons);
        }
        return new Attributes(JSON.writeValueAsString(values), cleared.toArray(String[]::new));
    }

    private static Map<String, Object> params(ProductChange change, Attributes attributes) {
        Map<String, Object> params = new HashMap<>();
        params.put("sku", change.sku());
        params.put("name", change.name().strip());
        params.put("nameEn", blank(change.nameEn()));
        params.put("brand", blank(change.brand()));
        params.put("mpn", blank(change.mpn()));
        params.put("barcodes", change.barcodes().toArray(String[]::new));
        params.put("unitCode", change.unitCode().strip());
        params.put("unitName", change.unitName().strip());
        params.put("pack", change.packMultiple());
        params.put("minQty", change.minOrderQty());
        params.put("weight", change.weightKg());
        params.put("volume", change.volumeM3());
        params.put("vat", change.vatRate());
        params.put("cost", change.purchaseCost());
        params.put("description", blank(change.description()));
        params.put("category", change.categoryId());
        params.put("status", change.status());
        params.put("successor", "DISCONTINUED".equals(change.status()) ? blank(change.successorSku()) : null);
        params.put("backorder", change.backorderAllowed());
        params.put("leadTime", change.leadTimeDays());
        params.put("attributes", attributes.json());
        params.put("cleared", attributes.cleared());
        return params;
    }

    /** Adds an analog (recorded both ways) or a related product (this way only); one already there is kept. */
    @Transactional
    public void addRelation(PortalUser staff, String sku, String kind, String relatedSku) {
        CatalogManager.require(staff);
        long id = id(sku);
        requireKind(kind);
        RelationPolicy.check(sku, relatedSku, products::exists).ifPresent(r -> {
            throw ProductRejected.of(r);
        });
        link(id, kind, List.of(relatedSku.strip()));
    }

    @Transactional
    public void removeRelation(PortalUser staff, String sku, String kind, String relatedSku) {
        CatalogManager.require(staff);
        long id = id(sku);
        requireKind(kind);
        unlink(id, kind, List.of(relatedSku));
    }

    /**
     * Replaces the analogs and related products with the lists given (a kind left out keeps its list), all checked
     * first: an unknown SKU or the product itself refuses the whole change.
     */
    @Transactional
    public void replaceRelations(PortalUser staff, String sku, Map<String, List<String>> relations) {
        CatalogManager.require(staff);
        long id = id(sku);
        List<Rejection> reasons = new ArrayList<>();
        relations.forEach((kind, skus) -> {
            if (!RELATION_KINDS.contains(kind)) {
                reasons.add(Rejection.of(kind, "catalog.admin.relation.kind.invalid"));
                return;
            }
            for (int i = 0; i < skus.size(); i++) {
                String prefix = (kind.equals("ANALOG") ? "analogs" : "related") + "[" + i + "]";
                RelationPolicy.check(sku, skus.get(i), products::exists).ifPresent(r -> reasons.add(
                        new Rejection(prefix, r.messageKey(), r.args())));
            }
        });
        if (!reasons.isEmpty()) {
            throw new ProductRejected(reasons);
        }
        for (var entry : relations.entrySet()) {
            List<String> wanted = entry.getValue().stream().map(String::strip).distinct().toList();
            List<String> current = jdbc.sql("""
                            select p.sku from catalog.product_relation r join catalog.product p on p.id = r.related_id
                             where r.product_id = :id and r.kind = :kind""")
                    .param("id", id).param("kind", entry.getKey()).query(String.class).list();
            unlink(id, entry.getKey(), current.stream().filter(s -> !wanted.contains(s)).toList());
            link(id, entry.getKey(), wanted);
        }
    }

    /** Records the relations and moves {@code updated_at} of every product that gained one; returns how many did. */
    private int link(long id, String kind, List<String> skus) {
        if (skus.isEmpty()) {
            return 0;
        }
        // analogs both ways: if B can replace A, A can replace B
        return jdbc.sql("""
                        with other as (select p.id from catalog.product p where p.sku = any(:skus)),
                             pairs as (select :id as product_id, o.id as related_id from other o
                                       union all
                                       select o.id, :id from other o where :kind = 'ANALOG'),
                             added as (insert into catalog.product_relation (product_id, related_id, kind)
                                       select product_id, related_id, :kind from pairs
                                       on conflict do nothing returning product_id)
                        update catalog.product set updated_at = now() where id in (select product_id from added)""")
                .param("id", id).param("kind", kind).param("skus", skus.toArray(String[]::new)).update();
    }

    private int unlink(long id, String kind, List<String> skus) {
        if (skus.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        with other as (select p.id from catalog.product p where p.sku = any(:skus)),
                             removed as (delete from catalog.product_relation r
                                          where r.kind = :kind
                                            and ((r.product_id = :id and r.related_id in (select id from other))
                                                 or (:kind = 'ANALOG' and r.related_id = :id
                                                     and r.product_id in (select id from other)))
                                         returning r.product_id)
                        update catalog.product set updated_at = now() where id in (select product_id from removed)""")
                .param("id", id).param("kind", kind).param("skus", skus.toArray(String[]::new)).update();
    }

    /**
     * Attaches an image or document after the others of its kind. The blob store reads the type from the bytes
     * (PDF, JPEG, PNG) and refuses anything else or anything too large; {@link FilePolicy} the rest.
     *
     * @return the id of the product file
     */
    @Transactional
    public long addFile(PortalUser staff, String sku, String kind, String title, String fileName, byte[] content) {
        CatalogManager.require(staff);
        long id = id(sku);
        String name = fileName == null ? "" : fileName.strip();
        String caption = blank(title) != null ? title.strip()
                : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (caption.isBlank()) {
            caption = sku;
        }
        if (caption.length() > 200) {
            throw ProductRejected.of(Rejection.of("title", "catalog.admin.file.title.tooLong", 200));
        }
        if (content == null || content.length == 0) {
            throw ProductRejected.of(Rejection.of(FilePolicy.FIELD, "catalog.admin.file.missing"));
        }
        StoredBlob blob;
        try {
            blob = blobs.put(content, name);
        } catch (DomainException e) {
            throw ProductRejected.of(new Rejection(FilePolicy.FIELD, e.messageKey(), List.of(e.arguments())));
        }
        // refused after storing: the transaction takes the blob back with it
        FilePolicy.check(kind, name, blob.contentType()).ifPresent(r -> {
            throw ProductRejected.of(r);
        });
        if (jdbc.sql("""
                        select exists (select 1 from catalog.product_file
                                        where product_id = :id and kind = :kind and blob_sha256 = :sha)""")
                .param("id", id).param("kind", kind).param("sha", blob.sha256()).query(Boolean.class).single()) {
            throw ProductRejected.of(Rejection.of(FilePolicy.FIELD, "catalog.admin.file.duplicate", name));
        }
        long fileId = jdbc.sql("""
                        insert into catalog.product_file (product_id, kind, title, blob_sha256, position)
                        values (:id, :kind, :title, :sha,
                                (select coalesce(max(position), -1) + 1 from catalog.product_file
                                  where product_id = :id and kind = :kind))
                        returning id""")
                .param("id", id).param("kind", kind).param("title", caption).param("sha", blob.sha256())
                .query(Long.class).single();
        touch(id);
        return fileId;
    }

    /** Detaches a file from the product; the bytes stay in the blob store, which never deletes. */
    @Transactional
    public void removeFile(PortalUser staff, String sku, long fileId) {
        CatalogManager.require(staff);
        long id = id(sku);
        if (jdbc.sql("delete from catalog.product_file where id = :file and product_id = :id")
                .param("file", fileId).param("id", id).update() == 0) {
            throw DomainException.notFound("file", fileId);
        }
        touch(id);
    }

    /** Moves a file one place earlier (-1) or later (+1) among those of its kind; the first image is the picture. */
    @Transactional
    public void moveFile(PortalUser staff, String sku, long fileId, int direction) {
        CatalogManager.require(staff);
        long id = id(sku);
        String kind = jdbc.sql("select kind from catalog.product_file where id = :file and product_id = :id")
                .param("file", fileId).param("id", id).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("file", fileId));
        // number the files of the kind 0, 1, 2... then swap with the neighbour
        jdbc.sql("""
                        update catalog.product_file f set position = o.n
                          from (select id, row_number() over (order by position, id) - 1 as n
                                  from catalog.product_file where product_id = :id and kind = :kind) o
                         where f.id = o.id""")
                .param("id", id).param("kind", kind).update();
        int moved = jdbc.sql("""
                        with me as (select position from catalog.product_file where id = :file),
                             other as (select f.id, f.position from catalog.product_file f, me
                                        where f.product_id = :id and f.kind = :kind
                                          and f.position = me.position + :direction)
                        update catalog.product_file f
                           set position = case when f.id = :file then (select position from other)
                                               else (select position from me) end
                         where exists (select 1 from other) and (f.id = :file or f.id = (select id from other))""")
                .param("file", fileId).param("id", id).param("kind", kind).param("direction", Integer.signum(direction))
                .update();
        if (moved == 2) {
            touch(id);
        }
    }

    /**
     * Sets stock at the warehouses given (others stay as they are): a line without an on-hand quantity removes the
     * product from that warehouse. All lines are checked first; each reason is at {@code rows[i].<field>}.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean setStock(PortalUser staff, String sku, List<StockLine> lines) {
        CatalogManager.require(staff);
        long id = id(sku);
        Set<Long> warehouses = new LinkedHashSet<>(jdbc.sql("select id from catalog.warehouse").query(Long.class).list());
        List<Rejection> reasons = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLine line = lines.get(i);
            String prefix = "rows[" + i + "]";
            if (!warehouses.contains(line.warehouseId()) || !seen.add(line.warehouseId())) {
                reasons.add(Rejection.of("warehouseId", "catalog.admin.stock.warehouse").under(prefix));
                continue;
            }
            StockPolicy.check(line).forEach(r -> reasons.add(r.under(prefix)));
        }
        if (!reasons.isEmpty()) {
            throw new ProductRejected(reasons);
        }
        List<StockLine> stocked = lines.stream().filter(StockLine::stocked).toList();
        Long[] gone = lines.stream().filter(l -> !l.stocked()).map(StockLine::warehouseId).toArray(Long[]::new);
        int changed = jdbc.sql("delete from catalog.stock where product_id = :id and warehouse_id = any(:gone)")
                .param("id", id).param("gone", gone).update();
        if (!stocked.isEmpty()) {
            changed += jdbc.sql("""
                            insert into catalog.stock (product_id, warehouse_id, on_hand, reserved, incoming, incoming_date)
                            select :id, w, on_hand, reserved, incoming, cast(incoming_date as date)
                              from unnest(:warehouses, :onHand, :reserved, :incoming, :dates)
                                   as l(w, on_hand, reserved, incoming, incoming_date)
                            on conflict (product_id, warehouse_id) do update
                               set on_hand = excluded.on_hand, reserved = excluded.reserved,
                                   incoming = excluded.incoming, incoming_date = excluded.incoming_date,
                                   updated_at = now()
                             where (stock.on_hand, stock.reserved, stock.incoming, stock.incoming_date)
                                   is distinct from
                                   (excluded.on_hand, excluded.reserved, excluded.incoming, excluded.incoming_date)""")
                    .param("id", id)
                    .param("warehouses", stocked.stream().map(StockLine::warehouseId).toArray(Long[]::new))
                    .param("onHand", stocked.stream().map(StockLine::onHand).toArray(BigDecimal[]::new))
                    .param("reserved", stocked.stream().map(StockLine::reservedOrZero).toArray(BigDecimal[]::new))
                    .param("incoming", stocked.stream().map(StockLine::incomingOrZero).toArray(BigDecimal[]::new))
                    .param("dates", stocked.stream().map(l -> l.incomingDate() == null ? null
                            : l.incomingDate().toString()).toArray(String[]::new))
                    .update();
        }
        if (changed > 0) {
            touch(id);
        }
        return changed > 0;
    }

    private long id(String sku) {
        return jdbc.sql("select id from catalog.product where sku = :sku").param("sku", sku).query(Long.class)
                .optional().orElseThrow(() -> DomainException.notFound("product", sku));
    }

    private void touch(long id) {
        jdbc.sql("update catalog.product set updated_at = now() where id = :id").param("id", id).update();
    }

    private static void requireKind(String kind) {
        if (!RELATION_KINDS.contains(kind)) {
            throw ProductRejected.of(Rejection.of("kind", "catalog.admin.relation.kind.invalid"));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
