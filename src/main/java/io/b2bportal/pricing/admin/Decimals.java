package io.b2bportal.pricing.admin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as people type them on the pricing pages. Spaces (also non-breaking ones) group digits and are dropped:
 * {@code 1 234.50}. In Russian a decimal comma is as good as a point ({@code 1 234,50}); in English a comma is
 * refused, because {@code 1,500} would mean fifteen hundred to one reader and one and a half to another. A leading
 * plus or minus (also the typographic {@code −}) is a sign. The admin
 * API takes JSON numbers only and never comes here.
 */
public final class Decimals {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?\\d{1,16}(\\.\\d+)?$");

    private Decimals() {
    }

    /** The number, or null with an issue on {@code field} (also null, without an issue, for an empty text). */
    public static BigDecimal read(String text, Locale locale, String field, Issues issues) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // a typographic minus (as the pages show −15 %) is a minus
        String compact = SPACES.matcher(text).replaceAll("").replace('\u2212', '-');
        if (compact.indexOf(',') >= 0) {
            boolean russian = "ru".equals(locale.getLanguage());
            if (!russian || compact.indexOf('.') >= 0 || compact.indexOf(',') != compact.lastIndexOf(',')) {
                issues.add(field, russian ? "pricing.admin.number.invalid" : "pricing.admin.number.comma", text.strip());
                return null;
            }
            compact = compact.replace(',', '.');
        }
        if (!NUMBER.matcher(compact).matches()) {
            issues.add(field, "pricing.admin.number.invalid", text.strip());
            return null;
        }
        return new BigDecimal(compact);
    }

    /** How a stored number is put back into an input: no grouping, the locale's decimal mark, no trailing zeros. */
    public static String input(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return "ru".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }
}
