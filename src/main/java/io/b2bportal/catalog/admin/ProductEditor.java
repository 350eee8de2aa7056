package io.b2bportal.catalog.admin;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog manager's changes to a product's own fields (its analogs, files and stock have their own editors:
 * {@link ProductRelations}, {@link ProductFiles}, {@link ProductStock}). Each change is checked whole before anything
 * is written and runs in one transaction, so a refused change leaves the product as it was; every change that is
 * made moves the product's {@code updated_at}.
 */
@Service
public class ProductEditor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AdminProducts products;
    private final ProductRows rows;

    ProductEditor(JdbcClient jdbc, AdminProducts products, ProductRows rows) {
        this.jdbc = jdbc;
        this.products = products;
        this.rows = rows;
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
        long id = rows.id(sku);
        List<Rejection> reasons = new ArrayList<>();
        Attributes attributes = check(change.withSku(sku), reasons);
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
            check(change.withSku(own), reasons);
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

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
