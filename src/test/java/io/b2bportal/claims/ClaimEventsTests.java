package io.b2bportal.claims;

import io.b2bportal.claims.claim.ClaimType;
import io.b2bportal.claims.claim.Claims;
import io.b2bportal.claims.claim.NewClaim;
import io.b2bportal.claims.claim.Remedy;
import io.b2bportal.claims.claim.Upload;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** What CRM and analytics hear of a claim: one event per step, with the claim's ids, status and rating. */
@PortalTest
@RecordApplicationEvents
class ClaimEventsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    Claims claims;
    @Autowired
    ApplicationEvents events;

    @Test
    void eachStepOfAClaimPublishesItsEvent() {
        ClaimFixture fixture = new ClaimFixture(jdbc, new Http(port), checkout, lifecycle);
        long order = fixture.shipped(fixture.product("3000", 20), 5, 5);
        long buyer = fixture.user("buyer@alpha.demo");
        long ops = fixture.user("ops@demo.local");

        long id = claims.open(fixture.entity(), buyer, new NewClaim(order, ClaimType.DEFECT, Remedy.REPLACEMENT, null,
                "Трещина", Map.of(1, new BigDecimal("2")), List.of(new Upload("PHOTO", "a.png", ClaimFixture.png(3)))));
        claims.review(id, ops);
        claims.decide(id, ops, Claims.Decision.ACCEPTED, null, Map.of());
        claims.replacement(id, ops);
        claims.close(id, ops);
        claims.rate(id, buyer, 4, "Хорошо");

        ClaimOpened opened = events.stream(ClaimOpened.class).filter(e -> e.claimId() == id).findFirst().orElseThrow();
        assertThat(opened.orderId()).isEqualTo(order);
        assertThat(opened.legalEntityId()).isEqualTo(fixture.entity());
        assertThat(opened.type()).isEqualTo("DEFECT");
        assertThat(opened.remedy()).isEqualTo("REPLACEMENT");
        assertThat(events.stream(ClaimStatusChanged.class).filter(e -> e.claimId() == id)
                .map(e -> e.from() + ">" + e.to()))
                .containsExactly("NEW>IN_REVIEW", "IN_REVIEW>ACCEPTED", "ACCEPTED>RESOLVED", "RESOLVED>CLOSED");
        ClaimResolved resolved = events.stream(ClaimResolved.class).filter(e -> e.claimId() == id).findFirst()
                .orElseThrow();
        assertThat(resolved.resolution()).isEqualTo("REPLACEMENT");
        assertThat(resolved.replacementOrderId()).isNotNull();
        assertThat(events.stream(ClaimClosed.class).filter(e -> e.claimId() == id).map(ClaimClosed::rejected))
                .containsExactly(false);
        assertThat(events.stream(ClaimRated.class).filter(e -> e.claimId() == id).map(e -> e.rating() + " " + e.comment()))
                .containsExactly("4 Хорошо");
    }
}
