package io.b2bportal.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A priced order: its lines in the order asked, the totals (sums of the lines, so they agree to the kopeck), and
 * how far the order is below the contract's minimum order amount.
 *
 * @param orderable                 every line is priced (no unknown products, no "price on request")
 * @param minimumOrderAmount        from the contract; zero when there is none
 * @param minimumOrderShortfall     how much is missing to reach it (with VAT); zero when it is reached
 */
public record Quote(long legalEntityId, String currency, List<PricedLine> lines, Totals totals, boolean orderable,
        BigDecimal minimumOrderAmount, BigDecimal minimumOrderShortfall) {

    public Quote {
        lines = List.copyOf(lines);
    }

    /** The sums of the priced lines' net, VAT and gross amounts. */
    public record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross) {

        public static final Totals ZERO = new Totals(new BigDecimal("0.00"), new BigDecimal("0.00"),
                new BigDecimal("0.00"));

        public static Totals of(List<PricedLine> lines) {
            Totals totals = ZERO;
            for (PricedLine line : lines) {
                if (line.priced()) {
                    totals = new Totals(totals.net.add(line.lineNet()), totals.vat.add(line.lineVat()),
                            totals.gross.add(line.lineGross()));
                }
            }
            return totals;
        }
    }

    public boolean minimumReached() {
        return minimumOrderShortfall.signum() == 0;
    }
}
