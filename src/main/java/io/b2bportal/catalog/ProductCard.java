package io.b2bportal.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The product page: specifications, stock by warehouse with incoming deliveries, analogs. */
public record ProductCard(long id, String sku, String name, String nameEn, String brand, String mpn,
        List<String> barcodes, String unitCode, String unitName, BigDecimal packMultiple, BigDecimal minOrderQty,
        BigDecimal weightKg, BigDecimal volumeM3, String vatRate, String description, String status, String successorSku,
        boolean backorderAllowed, Integer leadTimeDays, long categoryId, String categoryName,
        List<AttributeValue> attributes, List<StockLine> stock, List<Related> related, List<FileRef> files) {

    public record AttributeValue(String code, String name, String nameEn, String unit, String value) {
    }

    public record StockLine(String warehouseCode, String warehouseName, BigDecimal onHand, BigDecimal reserved,
            BigDecimal available, BigDecimal incoming, LocalDate incomingDate) {
    }

    public record Related(String kind, String sku, String name, String brand) {
    }

    /** An image or document of the product; its bytes are served by SHA-256. */
    public record FileRef(String kind, String title, String sha256) {
    }

    public BigDecimal available() {
        return stock.stream().map(StockLine::available).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public ProductCard with(List<AttributeValue> attributes, List<StockLine> stock, List<Related> related,
            List<FileRef> files) {
        return new ProductCard(id, sku, name, nameEn, brand, mpn, barcodes, unitCode, unitName, packMultiple,
                minOrderQty, weightKg, volumeM3, vatRate, description, status, successorSku, backorderAllowed,
                leadTimeDays, categoryId, categoryName, attributes, stock, related, files);
    }
}
