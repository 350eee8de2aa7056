package io.b2bportal.claims.claim;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a claim stands: new → in review ⇄ waiting for the buyer → accepted / partly accepted / rejected (with a
 * reason) → resolved (a replacement, a return received, a credit note) → closed. A rejected claim is closed without
 * being resolved. Each status names the statuses it may go to.
 */
public enum ClaimStatus {
    NEW, IN_REVIEW, WAITING_FOR_BUYER, ACCEPTED, PARTLY_ACCEPTED, REJECTED, RESOLVED, CLOSED;

    /** Statuses in which the seller still owes the buyer an answer or a resolution (the SLA runs). */
    public static final Set<ClaimStatus> OPEN = EnumSet.of(NEW, IN_REVIEW, WAITING_FOR_BUYER, ACCEPTED,
            PARTLY_ACCEPTED);

    public Set<ClaimStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(WAITING_FOR_BUYER, ACCEPTED, PARTLY_ACCEPTED, REJECTED);
            case WAITING_FOR_BUYER -> EnumSet.of(IN_REVIEW, ACCEPTED, PARTLY_ACCEPTED, REJECTED);
            case ACCEPTED, PARTLY_ACCEPTED -> EnumSet.of(RESOLVED);
            case REJECTED, RESOLVED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ClaimStatus.class);
        };
    }

    public boolean mayBecome(ClaimStatus target) {
        return next().contains(target);
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    /** Accepted in whole or in part: a resolution action may follow. */
    public boolean accepted() {
        return this == ACCEPTED || this == PARTLY_ACCEPTED;
    }
}
