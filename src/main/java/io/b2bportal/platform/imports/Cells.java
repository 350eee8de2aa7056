package io.b2bportal.platform.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads typed values from the cells of one row at a time and reports the row when a value is wrong; the messages
 * are {@code imports.error.*} keys with the row number, the column and the value. Numbers: a decimal point; a
 * decimal comma ("1,5") only when this reader was told that the file uses one (see {@link TableFile#decimalComma()},
 * or a separator the uploader declared); spaces and no-break spaces between digit groups ("1 234,5") are ignored.
 */
public final class Cells {

    static final String ERROR = "imports.error.";

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "да", "д", "истина");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "нет", "н", "ложь");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000000");

    private final boolean decimalComma;
    private final String commaKey;
    private final RowIssues issues;
    private int row;
    private String subject;
    private boolean failed;

    /**
     * {@code decimalComma}: whether "1,5" is 1.5. Otherwise such a number is reported as
     * {@code imports.error.number.comma}, which explains that only files separated by ; or tab may use one.
     */
    public Cells(boolean decimalComma, RowIssues issues) {
        this(decimalComma, ERROR + "number.comma", issues);
    }

    /** As above, with the message for a decimal comma where none is allowed ({1} column, {2} value). */
    public Cells(boolean decimalComma, String decimalCommaRefusedKey, RowIssues issues) {
        this.decimalComma = decimalComma;
        this.commaKey = decimalCommaRefusedKey;
        this.issues = issues;
    }

    /** Starts reading a row about {@code subject} (a SKU; null when the row has none). */
    public void startRow(int row, String subject) {
        this.row = row;
        this.subject = subject;
        this.failed = false;
    }

    /** Whether the current row has an error so far. */
    public boolean failed() {
        return failed;
    }

    /** Reports the current row: a full message key ({0} is the row number, then {@code args}). */
    public void fail(String messageKey, Object... args) {
        failed = true;
        issues.add(row, subject, messageKey, args);
    }

    private void error(String key, Object... args) {
        fail(ERROR + key, args);
    }

    /** A text cell, stripped; blank is null. A leading apostrophe put before = + - @ by our export is removed. */
    public static String text(String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    public String text(String column, String cell, int maxLength) {
        String value = text(cell);
        if (value != null && value.length() > maxLength) {
            error("too-long", column, maxLength);
            return null;
        }
        return value;
    }

    public String required(String column, String cell, int maxLength) {
        if (text(cell) == null) {
            error("required", column);
            return null;
        }
        return text(column, cell, maxLength);
    }

    /** A decimal with at most {@code scale} places; {@code positive}: greater than 0, else at least 0. */
    public BigDecimal decimal(String column, String cell, int scale, boolean positive) {
        return decimal(column, cell, scale, positive ? 1 : 0);
    }

    /** A decimal of either sign (an attribute such as a temperature). */
    public BigDecimal signedDecimal(String column, String cell, int scale) {
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
            if (!decimalComma && looksLikeDecimalComma(normalized)) {
                fail(commaKey, column, value);
            } else {
                error("number", column, value);
            }
            return null;
        }
        if (number.signum() < lowestSign || positive && number.signum() == 0) {
            error(positive ? "number.positive" : "number.negative", column, value);
            return null;
        }
        if (number.stripTrailingZeros().scale() > scale) {
            error("number.scale", column, value, scale);
            return null;
        }
        if (number.abs().compareTo(LARGEST) >= 0) {
            error("number.too-large", column, value);
            return null;
        }
        return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
    }

    public Integer integer(String column, String cell, int min, int max) {
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
        error("integer", column, value, min, max);
        return null;
    }

    public Boolean bool(String column, String cell) {
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
        error("boolean", column, value);
        return null;
    }

    public LocalDate date(String column, String cell) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        try {
            return value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error("date", column, value);
            return null;
        }
    }

    /** One of {@code allowed} (upper-cased), {@code fallback} when blank; otherwise {@code messageKey} is reported. */
    public String oneOf(String column, String cell, Set<String> allowed, String fallback, String messageKey) {
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

    /** "1,5" or "-1 234,50": digits with one comma and no point, which only a decimal comma explains. */
    private static boolean looksLikeDecimalComma(String normalized) {
        return normalized.matches("^[+-]?\\d*,\\d+$");
    }
}
