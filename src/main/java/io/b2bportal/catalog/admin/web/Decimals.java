package io.b2bportal.catalog.admin.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * Quantities and amounts as people type them into the product forms: "0,25" as well as "0.25", spaces between
 * thousands. A value that is not a number, has too many decimals, or is out of range is refused at its field.
 */
final class Decimals {

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final BigDecimal LARGEST = new BigDecimal("1e15");

    private Decimals() {
    }

    /** The number, or null when blank or refused (then the reason is in {@code errors}). */
    static BigDecimal read(Errors errors, String field, String raw, int scale, int lowestSign) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        BigDecimal number = parse(raw);
        if (number == null) {
            errors.rejectValue(field, "catalog.admin.number");
        } else if (number.signum() < lowestSign || lowestSign > 0 && number.signum() == 0) {
            errors.rejectValue(field, lowestSign > 0 ? "catalog.admin.number.positive" : "catalog.admin.number.negative");
        } else if (number.stripTrailingZeros().scale() > scale) {
            errors.rejectValue(field, "catalog.admin.number.scale", new Object[] {scale}, null);
        } else if (number.abs().compareTo(LARGEST) >= 0) {
            errors.rejectValue(field, "catalog.admin.number.tooLarge");
        } else {
            return number;
        }
        return null;
    }

    /** The number typed, or null if it is none; no range checks. */
    static BigDecimal parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String normalized = raw.strip().replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace(',', '.');
        return NUMBER.matcher(normalized).matches() ? new BigDecimal(normalized) : null;
    }

    /** How a stored number is shown in an input: 100, not 100.000. */
    static String text(BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
