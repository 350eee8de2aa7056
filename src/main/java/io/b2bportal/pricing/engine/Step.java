package io.b2bportal.pricing.engine;

import java.util.List;

/**
 * One step of a price resolution, in the order it happened. Rendered from the message bundle {@code i18n/pricing}
 * under {@code pricing.step.<kind>}; {@code forBuyer} steps form the short explanation a buyer sees, all steps the
 * full one for staff.
 *
 * @param args values for the message: {@link io.b2bportal.shared.Money} amounts, quantities and percentages as
 *             {@link java.math.BigDecimal}, names as strings, instants
 */
public record Step(Kind kind, boolean forBuyer, List<Object> args) {

    public Step {
        args = List.copyOf(args);
    }

    public String messageKey() {
        return "pricing.step." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public enum Kind {
        CONTRACT_PRICE(true),
        TYPE_CONTRACT(true),
        TYPE_GROUP(true),
        TYPE_BASE(true),
        TYPE_UNKNOWN(false),
        TYPE_CYCLE(false),
        LIST_PRICE(true),
        TIER(true),
        TIER_BELOW_SMALLEST(false),
        LIST_MISSING(true),
        NO_PRICE(true),
        DERIVED_PERCENT(true),
        DERIVED_AMOUNT(true),
        ROUNDING(false),
        PROMOTION_PERCENT(true),
        PROMOTION_AMOUNT(true),
        PROMOTION_SPECIAL(true),
        PROMOTION_ON_CONTRACT(false),
        PROMOTION_NOT_BEST(false),
        PROMOTION_NOT_LOWER(false),
        PROMOTION_MIN_QTY(false),
        PROMOTION_MIN_ORDER(false),
        PROMOTION_OTHER_CURRENCY(false),
        CONTRACT_KEPT(false),
        FINAL_ROUNDING(false),
        VAT_INCLUDED(true),
        VAT_ADDED(true),
        VAT_EXEMPT(true),
        LINE(true);

        private final boolean forBuyer;

        Kind(boolean forBuyer) {
            this.forBuyer = forBuyer;
        }

        Step with(Object... args) {
            return new Step(this, forBuyer, List.of(args));
        }
    }
}
