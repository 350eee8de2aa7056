package io.b2bportal.claims;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When claims' events happened at the source, for those who log them later (the CRM timeline): a claim opened, moved
 * to a status, resolved, closed, rated; a message posted.
 */
@Service
public class ClaimHistory {

    private final JdbcClient jdbc;

    ClaimHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When a claim was opened, resolved, closed and rated (null for what has not happened). */
    public record Times(Instant openedAt, Instant resolvedAt, Instant closedAt, Instant ratedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<Times> times(long claimId) {
        record Row(OffsetDateTime createdAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
                OffsetDateTime ratedAt) {
        }
        return jdbc.sql("select created_at, resolved_at, closed_at, rated_at from claims.claim where id = :id")
                .param("id", claimId).query(Row.class).optional()
                .map(r -> new Times(instant(r.createdAt()), instant(r.resolvedAt()), instant(r.closedAt()),
                        instant(r.ratedAt())));
    }

    /** When the claim last moved to this status. */
    @Transactional(readOnly = true)
    public Optional<Instant> movedAt(long claimId, String toStatus) {
        return jdbc.sql("select max(at) from claims.claim_event where claim_id = :id and to_status = :to")
                .param("id", claimId).param("to", toStatus).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    /** When a message of a claim's thread was posted. */
    @Transactional(readOnly = true)
    public Optional<Instant> messageAt(long messageId) {
        return jdbc.sql("select at from claims.message where id = :id").param("id", messageId)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
