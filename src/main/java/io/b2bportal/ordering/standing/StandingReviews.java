package io.b2bportal.ordering.standing;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.standing.StandingOrders.Occurrence;
import io.b2bportal.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The buyer's answer to an occurrence held for review: place it at today's prices (through the normal checkout, with
 * the occurrence's idempotency key, so a double click places one order) or skip it this time.
 */
@Service
public class StandingReviews {

    private final StandingOrders standingOrders;
    private final StandingOrderRunner runner;
    private final JdbcClient jdbc;

    StandingReviews(StandingOrders standingOrders, StandingOrderRunner runner, JdbcClient jdbc) {
        this.standingOrders = standingOrders;
        this.runner = runner;
        this.jdbc = jdbc;
    }

    /** Places a held occurrence; false when checkout refused it (it stays held, with checkout's reason). */
    public boolean place(Buyer buyer, long standingOrderId, long occurrenceId) {
        StandingOrders.requireChanger(buyer);
        waiting(buyer, standingOrderId, occurrenceId);
        // taken back for processing by one request only: a double click, or two colleagues at once, place one order
        int taken = jdbc.sql("""
                        update ordering.standing_occurrence set status = 'PROCESSING', claimed_at = now()
                         where id = :id and status = 'WAITING_REVIEW'""")
                .param("id", occurrenceId).update();
        if (taken == 0) {
            throw DomainException.conflict("occurrence-not-waiting", "standing.refused.not-waiting");
        }
        StandingOrderRunner.Standing standing = runner.standing(occurrenceId);
        return runner.place(standing, runner.lines(standingOrderId), buyer.userId());
    }

    public void skip(Buyer buyer, long standingOrderId, long occurrenceId) {
        StandingOrders.requireChanger(buyer);
        waiting(buyer, standingOrderId, occurrenceId);
        jdbc.sql("""
                        update ordering.standing_occurrence
                           set status = 'SKIPPED', resolved_at = now(), resolved_by = :by
                         where id = :id and status = 'WAITING_REVIEW'""")
                .param("by", buyer.userId()).param("id", occurrenceId).update();
    }

    private void waiting(Buyer buyer, long standingOrderId, long occurrenceId) {
        Occurrence occurrence = standingOrders.occurrence(buyer, standingOrderId, occurrenceId);
        if (!occurrence.waiting()) {
            throw DomainException.conflict("occurrence-not-waiting", "standing.refused.not-waiting");
        }
    }
}
