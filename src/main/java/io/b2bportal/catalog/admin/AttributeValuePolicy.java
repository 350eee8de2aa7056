package io.b2bportal.catalog.admin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An attribute value as typed by a person or sent by an ERP, turned into the JSON value its attribute's type stores:
 * a number (a decimal comma is fine, 6 decimals at most), yes/no, or a text of up to 500 characters. A blank value
 * removes the attribute from the product.
 */
public final class AttributeValuePolicy {

    static final int MAX_TEXT = 500;
    static final int MAX_SCALE = 6;
    private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,15}(\\.\\d+)?$");
    private static final Set<String> TRUE = Set.of("true", "yes", "да", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "нет", "0");

    /** The stored value (null: none), or why the text is not one. */
    public record Outcome(Object value, Rejection rejection) {

        public boolean accepted() {
            return rejection == null;
        }
    }

    private AttributeValuePolicy() {
    }

    public static String field(String code) {
        return "attributes[" + code + "]";
    }

    public static Outcome parse(String code, String type, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return new Outcome(null, null);
        }
        return switch (type) {
            case "NUMBER" -> number(code, value);
            case "BOOLEAN" -> bool(code, value);
            case "TEXT", "ENUM" -> value.length() <= MAX_TEXT ? new Outcome(value, null)
                    : refused(code, "catalog.admin.attribute.tooLong", MAX_TEXT);
            default -> throw new IllegalStateException("attribute type " + type);
        };
    }

    private static Outcome number(String code, String value) {
        String normalized = value.replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace(',', '.');
        if (!NUMBER.matcher(normalized).matches()) {
            return refused(code, "catalog.admin.attribute.number", value);
        }
        BigDecimal number = new BigDecimal(normalized).stripTrailingZeros();
        if (number.scale() > MAX_SCALE) {
            return refused(code, "catalog.admin.attribute.scale", MAX_SCALE);
        }
        // 80, not 8E+1: the buyer's facets compare values as text
        return new Outcome(number.scale() < 0 ? number.setScale(0) : number, null);
    }

    private static Outcome bool(String code, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return new Outcome(true, null);
        }
        if (FALSE.contains(lower)) {
            return new Outcome(false, null);
        }
        return refused(code, "catalog.admin.attribute.boolean", value);
    }

    private static Outcome refused(String code, String key, Object... args) {
        return new Outcome(null, Rejection.of(field(code), key, args));
    }
}
