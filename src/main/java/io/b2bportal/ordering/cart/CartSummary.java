package io.b2bportal.ordering.cart;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A cart in a list: its name, whose it is, how many lines it holds, whether it is the buyer's current one, and
 * with whom its owner shared it.
 */
public record CartSummary(long id, String name, long ownerId, String ownerName, boolean mine, int lines,
        OffsetDateTime updatedAt, boolean current, List<String> sharedWith) {
}
