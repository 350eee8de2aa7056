package io.b2bportal.ordering.quickorder;

import io.b2bportal.ordering.cart.Source;
import io.b2bportal.ordering.quickorder.ReviewLine.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A quick-order review: every line the buyer asked for, resolved, waiting for confirmation into a cart. Kept in the
 * database until it expires, so a review of 10,000 lines survives the confirm click (and a second click finds it
 * confirmed).
 */
public record Review(UUID id, long cartId, String cartName, Source source, Instant createdAt, Instant expiresAt,
        Instant confirmedAt, List<ReviewLine> lines) {

    public Review {
        lines = List.copyOf(lines);
    }

    /** How many lines have each status, in the order of {@link Status}. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (ReviewLine line : lines) {
            counts.merge(line.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** How many input lines (paste lines, file rows) went into the review. */
    public int inputLines() {
        return lines.stream().mapToInt(line -> line.sourceLines().size()).sum();
    }

    /** Lines that would go into the cart with the current choices. */
    public long adding() {
        return lines.stream().filter(line -> line.adds().signum() > 0).count();
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean expired(Instant now) {
        return !confirmed() && now.isAfter(expiresAt);
    }
}
