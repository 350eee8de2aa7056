package io.b2bportal.catalog.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads typed values from cells and reports the row when a value is wrong. Numbers: a decimal point; a decimal
 * comma ("1,5") only where the comma cannot separate fields (files separated by ";" or tab, XLSX, never a
 * comma-separated file); spaces and no-break spaces between digit groups ("1 234,5") are ignored.
 */
final class Cells {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "да", "д", "истина");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "нет", "н", "ложь");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000000");

    private final boolean decimalComma;
    private final RowIssues issues;
    private int row;
    private String sku;
    private boolean failed;

    Cells(boolean decimalComma, RowIssues issues) {
        this.decimalComma = decimalComma;
        this.issues = issues;
    }

    void startRow(int row, String sku) {
        this.row = row;
        this.sku = sku;
        this.failed = false;
    }

    boolean failed() {
        return failed;
    }

    void fail(String key, Object... args) {
        failed = true;
        issues.add(row, sku, key, args);
    }

    /** A text cell, stripped; blank is null. A leading apostrophe put before = + - @ by our export is removed. */
    static String text(String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    String text(String column, String cell, int maxLength) {
        String value = text(cell);
        if (value != null && value.length() > maxLength) {
            fail("too-long", column, maxLength);
            return null;
        }
        return value;
    }

    String required(String column, String cell, int maxLength) {
        if (text(cell) == null) {
            fail("required", column);
            return null;
        }
        return text(column, cell, maxLength);
    }

    /** A decimal with at most {@code scale} places; {@code positive}: greater than 0, else at least 0. */
    BigDecimal decimal(String column, String cell, int scale, boolean positive) {
        return decimal(column, cell, scale, positive ? 1 : 0);
    }

    /** A decimal of either sign (an attribute such as a temperature). */
    BigDecimal signedDecimal(String column, String cell, int scale) {
        return decimal(column, cell, scale, -1);
    }

    private BigDecimal decimal(String column, String cell, int scale, int lowestSign) {
        boolean positive = lowestSign > 0;
        String value = text(cell);
        if (value == null) {
            return null;
        }
        String normalized = value.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (decimalComma && normalized.indexOf(',') >= 0 && normalized.indexOf('.') < 0) {
            normalized = normalized.replace(',', '.');
        }
        BigDecimal number;
        try {
            number = new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            fail(decimalComma ? "number" : "number.comma", column, value);
            return null;
        }
        if (number.signum() < lowestSign || positive && number.signum() == 0) {
            fail(positive ? "number.positive" : "number.negative", column, value);
            return null;
        }
        if (number.stripTrailingZeros().scale() > scale) {
            fail("number.scale", column, value, scale);
            return null;
        }
        if (number.abs().compareTo(LARGEST) >= 0) {
            fail("number.too-large", column, value);
            return null;
        }
        return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
    }

    Integer integer(String column, String cell, int min, int max) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("integer", column, value, min, max);
        return null;
    }

    Boolean bool(String column, String cell) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        fail("boolean", column, value);
        return null;
    }

    LocalDate date(String column, String cell) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        try {
            return value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail("date", column, value);
            return null;
        }
    }

    String oneOf(String column, String cell, Set<String> allowed, String fallback, String messageKey) {
        String value = text(cell);
        if (value == null) {
            return fallback;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (allowed.contains(upper)) {
            return upper;
        }
        fail(messageKey, column, value);
        return null;
    }
}
