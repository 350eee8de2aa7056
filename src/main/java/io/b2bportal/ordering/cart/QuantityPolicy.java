package io.b2bportal.ordering.cart;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which quantities a buyer may ask for at all, before any product rule: more than zero, at most 10^9, at most three
 * decimals, and whole numbers for goods counted in pieces.
 *
 * <p>Whether a unit is counted in pieces is decided by its OKEI code: 796 шт, 715 пар, 778 упак, 839 компл,
 * 736 рулон, 704 набор, 625 лист, 868 бутылка, 870 ампула, 872 флакон, 812 ящик. (797 "сто штук" and 798 "тысяча
 * штук" are not: 1.5 thousand pieces is a whole number of pieces.) Metres, litres, kilograms and other measures
 * may be fractional; for them the pack multiple sets the step (a cable sold by 0.5 m takes 2.5, one sold by 1 m is
 * rounded up to whole metres in review, or refused when typed into a cart line).
 */
public final class QuantityPolicy {

    public static final BigDecimal MAX = new BigDecimal("1000000000");
    public static final int SCALE = 3;

    private static final Set<String> PIECE_UNITS = Set.of("796", "715", "778", "839", "736", "704",
            "625", "868", "870", "872", "812");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?[0-9]+(\\.[0-9]+)?$");

    private QuantityPolicy() {
    }

    /** A number as people type it: "10", "10.5", "10,5", "1 000", "1 000,5" (spaces and no-break spaces ignored). */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, Reason.of("ordering.quantity.missing"));
        }
        String raw = text.strip();
        String normalized = raw.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (normalized.indexOf(',') >= 0 && normalized.indexOf('.') < 0 && normalized.indexOf(',') == normalized.lastIndexOf(',')) {
            normalized = normalized.replace(',', '.');
        }
        if (normalized.length() > 40 || !NUMBER.matcher(normalized).matches()) {
            return new Parsed(null, Reason.of("ordering.quantity.not-a-number", abbreviate(raw)));
        }
        BigDecimal quantity = new BigDecimal(normalized);
        return check(quantity).map(reason -> new Parsed(null, reason)).orElseGet(() -> new Parsed(quantity, null));
    }

    /** Refusals that need no product: zero, negative, absurd, too precise. */
    public static Optional<Reason> check(BigDecimal quantity) {
        if (quantity == null) {
            return Optional.of(Reason.of("ordering.quantity.missing"));
        }
        if (quantity.signum() == 0) {
            return Optional.of(Reason.of("ordering.quantity.zero"));
        }
        if (quantity.signum() < 0) {
            return Optional.of(Reason.of("ordering.quantity.negative", plain(quantity)));
        }
        if (quantity.compareTo(MAX) > 0) {
            return Optional.of(Reason.of("ordering.quantity.too-large", plain(quantity)));
        }
        if (quantity.stripTrailingZeros().scale() > SCALE) {
            return Optional.of(Reason.of("ordering.quantity.scale", plain(quantity), SCALE));
        }
        return Optional.empty();
    }

    /** The same, and a fraction of something counted in pieces. */
    public static Optional<Reason> check(BigDecimal quantity, String unitCode, String unitName) {
        return check(quantity).or(() -> indivisible(unitCode) && !whole(quantity)
                ? Optional.of(Reason.of("ordering.quantity.fractional", plain(quantity), unitName))
                : Optional.empty());
    }

    public static boolean indivisible(String unitCode) {
        return unitCode != null && PIECE_UNITS.contains(unitCode);
    }

    static boolean whole(BigDecimal quantity) {
        return quantity.stripTrailingZeros().scale() <= 0;
    }

    /** "200", "2.5": without trailing zeros or exponent. */
    public static String plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    /** A parsed quantity, or why it is not one. */
    public record Parsed(BigDecimal quantity, Reason refusal) {

        public boolean ok() {
            return refusal == null;
        }
    }
}
