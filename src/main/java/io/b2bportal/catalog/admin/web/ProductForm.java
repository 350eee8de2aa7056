package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.AdminProduct;
import io.b2bportal.catalog.admin.ProductChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

/**
 * Every field of a product on its edit page. Numbers are kept as typed (a decimal comma is fine) and read by
 * {@link #validate}, so that binding never fails and the page shows back what was typed; attribute values by code,
 * typed by the catalog. {@code version} is the product as the page showed it, so a save over someone else's newer
 * change is refused.
 */
record ProductForm(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$") String sku,
        @NotBlank @Size(max = 500) String name,
        @Size(max = 500) String nameEn,
        @Size(max = 100) String brand,
        @Size(max = 100) String mpn,
        @Size(max = 2000) String barcodes,
        @NotBlank @Pattern(regexp = "^\\d{3,4}$") String unitCode,
        @NotBlank @Size(max = 20) String unitName,
        String packMultiple,
        String minOrderQty,
        String weightKg,
        String volumeM3,
        @NotNull @Pattern(regexp = "22|10|0|EXEMPT") String vatRate,
        String purchaseCost,
        @Size(max = 20_000) String description,
        String categoryId,
        @NotNull @Pattern(regexp = "ACTIVE|DISCONTINUED") String status,
        @Size(max = 64) String successorSku,
        Boolean backorderAllowed,
        String leadTimeDays,
        Map<String, String> attributes,
        String version) {

    private static final java.util.regex.Pattern BARCODE = java.util.regex.Pattern.compile("^[0-9A-Za-z-]{1,64}$");

    ProductForm {
        attributes = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
    }

    static ProductForm blank(Long categoryId) {
        return new ProductForm("", "", "", "", "", "", "796", "шт", "1", "1", "", "", "22", "", "",
                categoryId == null ? "" : categoryId.toString(), "ACTIVE", "", false, "", Map.of(), null);
    }

    static ProductForm of(AdminProduct p) {
        Map<String, String> attributes = new LinkedHashMap<>();
        p.attributes().forEach((code, value) -> attributes.put(code,
                value instanceof BigDecimal n ? Decimals.text(n) : String.valueOf(value)));
        return new ProductForm(p.sku(), p.name(), orEmpty(p.nameEn()), orEmpty(p.brand()), orEmpty(p.mpn()),
                String.join(" ", p.barcodes()), p.unitCode(), p.unitName(), Decimals.text(p.packMultiple()),
                Decimals.text(p.minOrderQty()), Decimals.text(p.weightKg()), Decimals.text(p.volumeM3()), p.vatRate(),
                Decimals.text(p.purchaseCost()), orEmpty(p.description()), String.valueOf(p.categoryId()), p.status(),
                orEmpty(p.successorSku()), p.backorderAllowed(),
                p.leadTimeDays() == null ? "" : p.leadTimeDays().toString(), attributes, p.version());
    }

    /** What bean validation cannot say: numbers, their ranges and decimals; the category; each barcode. */
    void validate(Errors errors) {
        if (category() == null) {
            errors.rejectValue("categoryId", "catalog.admin.category.unknown");
        }
        if (leadTimeDays != null && !leadTimeDays.isBlank() && leadTime() == null) {
            errors.rejectValue("leadTimeDays", "catalog.admin.leadTime");
        }
        if (packMultiple == null || packMultiple.isBlank()) {
            errors.rejectValue("packMultiple", "NotBlank");
        }
        if (minOrderQty == null || minOrderQty.isBlank()) {
            errors.rejectValue("minOrderQty", "NotBlank");
        }
        Decimals.read(errors, "packMultiple", packMultiple, 3, 1);
        Decimals.read(errors, "minOrderQty", minOrderQty, 3, 1);
        Decimals.read(errors, "weightKg", weightKg, 3, 0);
        Decimals.read(errors, "volumeM3", volumeM3, 6, 0);
        Decimals.read(errors, "purchaseCost", purchaseCost, 4, 0);
        for (String code : barcodeList()) {
            if (!BARCODE.matcher(code).matches()) {
                errors.rejectValue("barcodes", "catalog.admin.barcode", new Object[] {code}, null);
                break;
            }
        }
    }

    /** The category chosen, or null. */
    Long category() {
        try {
            return categoryId == null || categoryId.isBlank() ? null : Long.valueOf(categoryId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Integer leadTime() {
        try {
            int days = Integer.parseInt(leadTimeDays.strip());
            return days >= 0 && days <= 365 ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    List<String> barcodeList() {
        if (barcodes == null || barcodes.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(barcodes.strip().split("[\\s,;|]+")).filter(s -> !s.isEmpty()).distinct()
                .toList());
    }

    /** The change to save once {@link #validate} found nothing; before, only to ask the catalog what else is wrong. */
    ProductChange change() {
        return new ProductChange(sku == null ? "" : sku.strip(), name, nameEn, brand, mpn, barcodeList(), unitCode, unitName,
                Decimals.parse(packMultiple), Decimals.parse(minOrderQty), Decimals.parse(weightKg),
                Decimals.parse(volumeM3), vatRate, Decimals.parse(purchaseCost), description, category(), status,
                successorSku, Boolean.TRUE.equals(backorderAllowed),
                leadTimeDays == null || leadTimeDays.isBlank() ? null : leadTime(), attributes);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
