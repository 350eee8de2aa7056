package io.b2bportal.pricing;

import java.util.List;

/**
 * Why a product costs what it costs for a legal entity at a quantity: the priced line and the steps in the order they
 * were taken (contract price, price type, list and tier, derived adjustments, promotions, rounding, VAT, the line).
 * Buyers see the short explanation ({@link #forBuyer()}); staff the full one.
 *
 * @param legalEntityId null when staff asked for the base price without a customer
 */
public record PriceExplanation(Long legalEntityId, PricedLine line, List<ExplanationStep> steps) {

    public PriceExplanation {
        steps = List.copyOf(steps);
    }

    /** One step in the reader's language; {@code kind} is stable (e.g. {@code tier}, {@code promotion-percent}). */
    public record ExplanationStep(String kind, boolean forBuyer, String text) {
    }

    /** The short version: only the steps a buyer is shown. */
    public PriceExplanation forBuyer() {
        return new PriceExplanation(legalEntityId, line, steps.stream().filter(ExplanationStep::forBuyer).toList());
    }
}
