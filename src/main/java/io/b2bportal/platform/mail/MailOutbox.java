package io.b2bportal.platform.mail;

import io.b2bportal.platform.OutgoingMail;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL side of {@code platform.mail_outbox}: writing mails, the sender's claims, the administrators' reading. */
@Repository
public class MailOutbox {

    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A line of the outbox list. */
    public record MailSummary(long id, OffsetDateTime createdAt, String recipient, String subject, String kind,
            MailStatus status, int attempts) {
    }

    /** One mail with its bodies and its delivery record. */
    public record MailDetail(long id, OffsetDateTime createdAt, String recipient, String subject, String kind,
            MailStatus status, String bodyText, String bodyHtml, OffsetDateTime sentAt, int attempts, String error) {
    }

    /** One page of the outbox, newest first; {@code page} counts from 1. */
    public record MailPage(List<MailSummary> items, int page, int size, long total, int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** A mail the sender has claimed (its row is locked until the claiming transaction ends). */
    record DueMail(long id, String recipient, String subject, String bodyText, String bodyHtml, String kind,
            int attempts) {
    }

    public long queue(OutgoingMail mail) {
        return insert(mail, MailStatus.QUEUED);
    }

    public long keep(OutgoingMail mail) {
        return insert(mail, MailStatus.KEPT);
    }

    private long insert(OutgoingMail mail, MailStatus status) {
        return jdbc.sql("""
                        insert into platform.mail_outbox (recipient, subject, body_text, body_html, kind, status)
                        values (:recipient, :subject, :text, :html, :kind, :status) returning id""")
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("kind", mail.kind())
                .param("status", status.name())
                .query(Long.class).single();
    }

    public MailPage page(int page, int size) {
        int current = Math.max(1, page);
        long total = jdbc.sql("select count(*) from platform.mail_outbox").query(Long.class).single();
        List<MailSummary> items = jdbc.sql("""
                        select id, created_at, recipient, subject, kind, status, attempts
                          from platform.mail_outbox
                         order by id desc
                         limit :size offset :offset""")
                .param("size", size)
                .param("offset", (long) (current - 1) * size)
                .query(MailSummary.class).list();
        return new MailPage(items, current, size, total, (int) Math.max(1, (total + size - 1) / size));
    }

    public Optional<MailDetail> find(long id) {
        return jdbc.sql("""
                        select id, created_at, recipient, subject, kind, status, body_text, body_html, sent_at,
                               attempts, error
                          from platform.mail_outbox where id = :id""")
                .param("id", id)
                .query(MailDetail.class).optional();
    }

    /**
     * Locks the oldest due mail for the calling transaction. Rows that another sender (on this node or
     * another) has locked are skipped, so no mail is sent twice at the same time.
     */
    Optional<DueMail> claimNext() {
        return jdbc.sql("""
                        select id, recipient, subject, body_text, body_html, kind, attempts
                          from platform.mail_outbox
                         where status = 'QUEUED' and next_attempt_at <= now()
                         order by next_attempt_at, id
                         limit 1
                           for update skip locked""")
                .query(DueMail.class).optional();
    }

    void markSent(long id) {
        jdbc.sql("""
                        update platform.mail_outbox
                           set status = 'SENT', sent_at = now(), attempts = attempts + 1, error = null
                         where id = :id""")
                .param("id", id).update();
    }

    void markForRetry(long id, String error, Duration delay) {
        jdbc.sql("""
                        update platform.mail_outbox
                           set attempts = attempts + 1, error = :error,
                               next_attempt_at = now() + make_interval(secs => :seconds)
                         where id = :id""")
                .param("id", id).param("error", truncate(error)).param("seconds", (double) delay.toSeconds())
                .update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("""
                        update platform.mail_outbox
                           set status = 'FAILED', attempts = attempts + 1, error = :error
                         where id = :id""")
                .param("id", id).param("error", truncate(error)).update();
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
