package io.b2bportal.customers.agreement;

import io.b2bportal.customers.agreement.AcceptanceChain.Link;
import io.b2bportal.customers.agreement.AcceptanceChain.Verification;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained log of agreement acceptances ({@link AcceptanceChain}). The database refuses to
 * change or delete a row; appends are serialised by a table lock held to the end of the transaction, so every
 * entry links to the one committed before it and the chain never forks.
 */
@Repository
public class AcceptanceLog {

    private static final String COLUMNS = """
            a.seq, a.legal_entity_id, a.user_id, u.email as user_email, u.display_name as user_name, a.accepted_at,
            a.ip, a.user_agent, a.template_version, a.pdf_sha256, a.prev_hash, a.entry_hash""";

    private static final Logger log = LoggerFactory.getLogger(AcceptanceLog.class);

    private final JdbcClient jdbc;

    AcceptanceLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An entry of the log. Who accepted is kept as {@code userId}; {@code userEmail} and {@code userName} are
     * today's values of that account, for showing, and are not part of the hash.
     */
    public record Acceptance(long seq, long legalEntityId, long userId, String userEmail, String userName,
            OffsetDateTime acceptedAt, String ip, String userAgent, int templateVersion, String pdfSha256,
            String prevHash, String entryHash) implements AcceptanceChain.Entry {

        @Override
        public Link link() {
            return new Link(seq, legalEntityId, userId, acceptedAt.toInstant(), ip, userAgent, templateVersion,
                    pdfSha256, prevHash);
        }
    }

    /** What an acceptance records, before the log gives it its place in the chain. */
    public record NewAcceptance(long legalEntityId, long userId, String ip, String userAgent, int templateVersion,
            String pdfSha256) {
    }

    /**
     * Appends an acceptance, or returns the one already recorded for the same legal entity and version: a
     * double click or a retried request accepts once.
     */
    @Transactional
    public Acceptance append(NewAcceptance acceptance, Instant at) {
        jdbc.sql("lock table customers.agreement_acceptance in share row exclusive mode").update();
        Optional<Acceptance> existing = find(acceptance.legalEntityId(), acceptance.templateVersion());
        if (existing.isPresent()) {
            return existing.get();
        }
        String previous = jdbc.sql("select entry_hash from customers.agreement_acceptance order by seq desc limit 1")
                .query(String.class).optional().orElse(AcceptanceChain.GENESIS);
        long seq = jdbc.sql("select nextval(pg_get_serial_sequence('customers.agreement_acceptance', 'seq'))")
                .query(Long.class).single();
        Link link = new Link(seq, acceptance.legalEntityId(), acceptance.userId(), AcceptanceChain.storable(at),
                acceptance.ip(), acceptance.userAgent(), acceptance.templateVersion(), acceptance.pdfSha256(),
                previous);
        jdbc.sql("""
                        insert into customers.agreement_acceptance (seq, legal_entity_id, user_id, accepted_at, ip,
                            user_agent, template_version, pdf_sha256, prev_hash, entry_hash)
                        overriding system value
                        values (:seq, :entity, :user, :at, :ip, :userAgent, :version, :sha256, :prev, :hash)""")
                .param("seq", seq).param("entity", link.legalEntityId()).param("user", link.userId())
                .param("at", OffsetDateTime.ofInstant(link.acceptedAt(), ZoneOffset.UTC))
                .param("ip", link.ip()).param("userAgent", link.userAgent())
                .param("version", link.templateVersion()).param("sha256", link.pdfSha256())
                .param("prev", link.prevHash()).param("hash", AcceptanceChain.hash(link))
                .update();
        log.info("Legal entity {} accepted supply agreement v{} (PDF {}), user {}, log entry {}",
                link.legalEntityId(), link.templateVersion(), link.pdfSha256(), link.userId(), seq);
        return bySeq(seq).orElseThrow();
    }

    public Optional<Acceptance> find(long legalEntityId, int version) {
        return jdbc.sql("select " + COLUMNS + """
                         from customers.agreement_acceptance a left join platform.user_account u on u.id = a.user_id
                        where a.legal_entity_id = :entity and a.template_version = :version""")
                .param("entity", legalEntityId).param("version", version).query(Acceptance.class).optional();
    }

    /** The entity's acceptances, newest first. */
    public List<Acceptance> ofEntity(long legalEntityId) {
        return jdbc.sql("select " + COLUMNS + """
                         from customers.agreement_acceptance a left join platform.user_account u on u.id = a.user_id
                        where a.legal_entity_id = :entity order by a.seq desc""")
                .param("entity", legalEntityId).query(Acceptance.class).list();
    }

    /** Re-hashes the whole log in order, streaming it, and says whether the chain is intact. */
    @Transactional(readOnly = true)
    public Verification verify() {
        AcceptanceChain.Checker checker = new AcceptanceChain.Checker();
        try (Stream<Acceptance> entries = jdbc.sql("select " + COLUMNS + """
                         from customers.agreement_acceptance a left join platform.user_account u on u.id = a.user_id
                        order by a.seq""")
                .query(Acceptance.class).stream()) {
            entries.allMatch(checker::accept); // stops reading at the first broken entry
        }
        return checker.result();
    }

    private Optional<Acceptance> bySeq(long seq) {
        return jdbc.sql("select " + COLUMNS + """
                         from customers.agreement_acceptance a left join platform.user_account u on u.id = a.user_id
                        where a.seq = :seq""")
                .param("seq", seq).query(Acceptance.class).optional();
    }
}
