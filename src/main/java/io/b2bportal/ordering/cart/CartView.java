package io.b2bportal.ordering.cart;

import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A cart as the buyer sees it now: each line with the product as the catalog has it now, what is available, live
 * prices and what is wrong with it; the totals of the priced lines.
 *
 * @param blocking lines with a problem that stops checkout
 */
public record CartView(CartSummary cart, List<LineView> lines, Totals totals, int blocking) {

    /**
     * One line. Product fields are null for a product that left the buyer's assortment (only its SKU is shown).
     *
     * @param takeAvailable the largest valid quantity within what is available (0 when not even the minimum is)
     * @param price         null when the line has no price (see the NO_PRICE problem)
     */
    public record LineView(long id, long productId, String sku, boolean inAssortment, String name, String nameEn,
            String unitCode, String unitName, BigDecimal packMultiple, BigDecimal minOrderQty, BigDecimal quantity,
            boolean backorder, boolean backorderAllowed, BigDecimal available, BigDecimal takeAvailable,
            String successorSku, List<LineProblem> problems, Price price, String addedBy, OffsetDateTime addedAt,
            String updatedBy, OffsetDateTime updatedAt) {

        public boolean blocking() {
            return problems.stream().anyMatch(LineProblem::blocking);
        }

        public boolean has(LineProblem.Code code) {
            return problems.stream().anyMatch(p -> p.code() == code);
        }
    }

    /** A line's live price: unit price with and without VAT, the line amounts, an optional promotion label. */
    public record Price(Money unitNet, Money unitGross, Money lineNet, Money lineVat, Money lineGross, String vatRate,
            String promotion) {
    }

    /**
     * Sums of the priced lines, and how much is missing to the contract's minimum order amount.
     *
     * @param priced whether prices are there at all (false while pricing is not available)
     */
    public record Totals(Money net, Money vat, Money gross, Money minimumOrder, Money shortfall, boolean priced) {

        public static Totals none() {
            return new Totals(null, null, null, null, null, false);
        }
    }
}
