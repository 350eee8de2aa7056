package io.b2bportal.catalog.web;

import io.b2bportal.catalog.ProductQuery;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** Reads a product query from request parameters, the same for the page and the API: attribute filters are {@code a.<code>}. */
final class CatalogRequests {

    static final String ATTRIBUTE_PREFIX = "a.";

    private CatalogRequests() {
    }

    static ProductQuery query(MultiValueMap<String, String> params) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX) && name.length() > ATTRIBUTE_PREFIX.length()) {
                attributes.put(name.substring(ATTRIBUTE_PREFIX.length()),
                        values.stream().filter(v -> v != null && !v.isBlank()).toList());
            }
        });
        return new ProductQuery(params.getFirst("q"), number(params.getFirst("category")), params.get("brand"),
                attributes, "true".equals(params.getFirst("inStock")), params.getFirst("sort"),
                (int) Math.min(Integer.MAX_VALUE, number(params.getFirst("page"), 0)),
                (int) number(params.getFirst("size"), 50), price(params.getFirst("priceFrom")),
                price(params.getFirst("priceTo")));
    }

    /** A price bound as typed: digits with a decimal point or comma, spaces between thousands; empty for none. */
    static BigDecimal price(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String plain = value.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
        if (!plain.matches("^[0-9]{1,13}(\\.[0-9]{0,4})?$")) {
            throw new DomainException(400, "bad-price-filter", "catalog.priceFilter.invalid", value);
        }
        return new BigDecimal(plain);
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long number(String value, long fallback) {
        Long parsed = number(value);
        return parsed == null || parsed < 0 ? fallback : parsed;
    }
}
