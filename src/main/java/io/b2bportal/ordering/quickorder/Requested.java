package io.b2bportal.ordering.quickorder;

import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.cart.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A review line before the catalog is asked: input lines of the same SKU (in any case) merged, their quantities
 * read and added up; a line whose SKU or quantity cannot be read stays on its own with the reason.
 *
 * @param quantity null when {@code invalid} says why
 */
public record Requested(int lineNo, List<Integer> sourceLines, String sku, String rawQuantity, BigDecimal quantity,
        boolean assumed, Reason invalid) {

    /** The longest text that can be a SKU (the catalog's own limit). */
    static final int MAX_SKU = 64;

    public boolean merged() {
        return sourceLines.size() > 1;
    }

    public String key() {
        return sku == null ? null : sku.toLowerCase(Locale.ROOT);
    }

    /** Merges input lines into review lines, in the order their SKUs first appear. */
    public static List<Requested> merge(List<InputLine> input) {
        List<Object> order = new ArrayList<>();
        Map<String, Builder> bySku = new LinkedHashMap<>();
        for (InputLine line : input) {
            String sku = line.sku() == null ? null : line.sku().strip();
            if (sku == null || sku.isEmpty()) {
                order.add(invalid(line, null, Reason.of("ordering.review.sku-missing")));
                continue;
            }
            if (sku.length() > MAX_SKU) {
                order.add(invalid(line, sku.substring(0, MAX_SKU) + "…",
                        Reason.of("ordering.review.sku-too-long", MAX_SKU)));
                continue;
            }
            boolean assumed = line.quantity() == null || line.quantity().isBlank();
            QuantityPolicy.Parsed parsed = assumed ? new QuantityPolicy.Parsed(BigDecimal.ONE, null)
                    : QuantityPolicy.parse(line.quantity());
            if (!parsed.ok()) {
                order.add(invalid(line, sku, parsed.refusal()));
                continue;
            }
            Builder builder = bySku.get(sku.toLowerCase(Locale.ROOT));
            if (builder == null) {
                builder = new Builder(sku, line.quantity());
                bySku.put(sku.toLowerCase(Locale.ROOT), builder);
                order.add(builder);
            }
            builder.add(line.sourceLine(), parsed.quantity(), assumed);
        }
        List<Requested> result = new ArrayList<>(order.size());
        for (Object item : order) {
            int lineNo = result.size() + 1;
            result.add(item instanceof Builder b ? b.build(lineNo) : ((Requested) item).at(lineNo));
        }
        return result;
    }

    private static Requested invalid(InputLine line, String sku, Reason reason) {
        return new Requested(0, List.of(line.sourceLine()), sku, line.quantity(), null, false, reason);
    }

    private Requested at(int position) {
        return new Requested(position, sourceLines, sku, rawQuantity, quantity, assumed, invalid);
    }

    private static final class Builder {
        private final String sku;
        private final String rawQuantity;
        private final List<Integer> sourceLines = new ArrayList<>(1);
        private BigDecimal quantity = BigDecimal.ZERO;
        private boolean assumed;

        Builder(String sku, String rawQuantity) {
            this.sku = sku;
            this.rawQuantity = rawQuantity;
        }

        void add(int sourceLine, BigDecimal more, boolean wasAssumed) {
            sourceLines.add(sourceLine);
            quantity = quantity.add(more);
            assumed |= wasAssumed;
        }

        Requested build(int lineNo) {
            // several lines may add up to more than anyone may order
            Reason refused = QuantityPolicy.check(quantity).orElse(null);
            return new Requested(lineNo, sourceLines, sku, rawQuantity, refused == null ? quantity : null, assumed,
                    refused);
        }
    }
}
