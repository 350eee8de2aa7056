package io.b2bportal.catalog.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A product as the seller keeps it: every field including the purchase cost, typed attribute values by code, analogs
 * and related products, files, and stock at every warehouse (stocked or not). {@code version} changes whenever one of
 * the product's own fields does, so an edit made on a stale page is noticed.
 */
public record AdminProduct(long id, String sku, String name, String nameEn, String brand, String mpn,
        List<String> barcodes, String unitCode, String unitName, BigDecimal packMultiple, BigDecimal minOrderQty,
        BigDecimal weightKg, BigDecimal volumeM3, String vatRate, BigDecimal purchaseCost, String description,
        long categoryId, String categoryCode, String categoryName, String status, String successorSku,
        boolean backorderAllowed, Integer leadTimeDays, Map<String, Object> attributes, List<Relation> relations,
        List<FileEntry> files, List<StockEntry> stock, String version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** An analog (both ways) or a related product (this way only). */
    public record Relation(String kind, String sku, String name, String brand, String status) {
    }

    /** An image or document; its bytes are served by SHA-256 at {@code /catalog/files/{sha256}}. */
    public record FileEntry(long id, String kind, String title, String sha256, int position) {
    }

    /** Stock at one warehouse; {@code stocked} is false where the product has no stock line at all. */
    public record StockEntry(long warehouseId, String warehouseCode, String warehouseName, boolean stocked,
            BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal incoming, LocalDate incomingDate) {
    }

    public List<Relation> relations(String kind) {
        return relations.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    public List<FileEntry> files(String kind) {
        return files.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    public BigDecimal onHand() {
        return stock.stream().map(StockEntry::onHand).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public AdminProduct with(List<Relation> relations, List<FileEntry> files, List<StockEntry> stock) {
        return new AdminProduct(id, sku, name, nameEn, brand, mpn, barcodes, unitCode, unitName, packMultiple,
                minOrderQty, weightKg, volumeM3, vatRate, purchaseCost, description, categoryId, categoryCode,
                categoryName, status, successorSku, backorderAllowed, leadTimeDays, attributes, relations, files, stock,
                version, createdAt, updatedAt);
    }
}
