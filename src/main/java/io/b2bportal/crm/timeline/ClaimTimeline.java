package io.b2bportal.crm.timeline;

import io.b2bportal.claims.ClaimClosed;
import io.b2bportal.claims.ClaimHistory;
import io.b2bportal.claims.ClaimMessagePosted;
import io.b2bportal.claims.ClaimOpened;
import io.b2bportal.claims.ClaimRated;
import io.b2bportal.claims.ClaimResolved;
import io.b2bportal.claims.ClaimStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Claims on the client's timeline: opened, moved, resolved, closed, rated, and the messages of their thread. */
@Component
class ClaimTimeline {

    private final Timeline timeline;
    private final ClaimHistory history;

    ClaimTimeline(Timeline timeline, ClaimHistory history) {
        this.timeline = timeline;
        this.history = history;
    }

    @ApplicationModuleListener
    void on(ClaimOpened opened) {
        timeline.record(new Timeline.Entry(opened.companyId(), opened.legalEntityId(),
                time(opened.claimId(), ClaimHistory.Times::openedAt), "CLAIM", "crm.timeline.claim.opened",
                List.of(opened.number(), "msg:claims.type." + opened.type()), "CLAIM", opened.claimId(), null,
                "claim-opened:" + opened.claimId()));
    }

    @ApplicationModuleListener
    void on(ClaimStatusChanged changed) {
        if ("RESOLVED".equals(changed.to()) || "CLOSED".equals(changed.to())) {
            return; // ClaimResolved and ClaimClosed say it with what came of it
        }
        timeline.record(new Timeline.Entry(changed.companyId(), null,
                history.movedAt(changed.claimId(), changed.to()).orElseGet(Instant::now), "CLAIM",
                "crm.timeline.claim.moved", List.of(changed.number(), "msg:claims.status." + changed.to()), "CLAIM", changed.claimId(),
                changed.actorId(), "claim-moved:" + changed.claimId() + ":" + changed.from() + ":" + changed.to()));
    }

    @ApplicationModuleListener
    void on(ClaimResolved resolved) {
        timeline.record(new Timeline.Entry(resolved.companyId(), null,
                time(resolved.claimId(), ClaimHistory.Times::resolvedAt), "CLAIM",
                "crm.timeline.claim.resolved." + resolved.resolution().toLowerCase(Locale.ROOT).replace('_', '-'),
                List.of(resolved.number()), "CLAIM", resolved.claimId(), null, "claim-resolved:" + resolved.claimId()));
    }

    @ApplicationModuleListener
    void on(ClaimClosed closed) {
        timeline.record(new Timeline.Entry(closed.companyId(), null, time(closed.claimId(), ClaimHistory.Times::closedAt),
                "CLAIM", closed.rejected() ? "crm.timeline.claim.closed-rejected" : "crm.timeline.claim.closed",
                List.of(closed.number()), "CLAIM", closed.claimId(), null, "claim-closed:" + closed.claimId()));
    }

    @ApplicationModuleListener
    void on(ClaimRated rated) {
        timeline.record(new Timeline.Entry(rated.companyId(), null, time(rated.claimId(), ClaimHistory.Times::ratedAt),
                "CLAIM", "crm.timeline.claim.rated", List.of(rated.number(), String.valueOf(rated.rating())), "CLAIM",
                rated.claimId(), null, "claim-rated:" + rated.claimId()));
    }

    @ApplicationModuleListener
    void on(ClaimMessagePosted posted) {
        timeline.record(new Timeline.Entry(posted.companyId(), null,
                history.messageAt(posted.messageId()).orElseGet(Instant::now), "CLAIM",
                posted.fromSeller() ? "crm.timeline.claim.message-seller" : "crm.timeline.claim.message-buyer",
                List.of(posted.number()), "CLAIM", posted.claimId(), posted.authorId(),
                "claim-message:" + posted.messageId()));
    }

    private Instant time(long claimId, Function<ClaimHistory.Times, Instant> which) {
        return history.times(claimId).map(which).orElseGet(Instant::now);
    }
}
