package io.b2bportal.crm.activity;

import io.b2bportal.crm.timeline.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls, meetings, mails, tasks and notes: the core every part of the CRM creates them through (people on the
 * pages and API, the rules, the reassignment of a client). A planned activity is OPEN until completed with an
 * outcome; a note is done when written. Each one with a client shows on the client's timeline.
 */
@Service
public class Activities {

    public enum Type { CALL, MEETING, EMAIL, TASK, NOTE }

    /**
     * A new activity. {@code dedupeKey} (nullable) makes creating it idempotent: automatic tasks pass
     * "rule:{ruleId}:{source event key}", so a redelivered event creates nothing new.
     */
    public record NewActivity(Type type, Long companyId, Long dealId, Long leadId, Long contactId, String subject,
            String details, long assigneeId, Instant dueAt, Instant remindAt, Long createdBy, Long ruleId,
            String dedupeKey) {
    }

    private final JdbcClient jdbc;
    private final Timeline timeline;

    Activities(JdbcClient jdbc, Timeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    /** Creates the activity; empty when one with the same dedupe key exists already. */
    @Transactional
    public Optional<Long> create(NewActivity activity) {
        boolean note = activity.type() == Type.NOTE;
        Optional<Long> id = jdbc.sql("""
                insert into crm.activity (type, company_id, deal_id, lead_id, contact_id, subject, details, assignee_id,
                                          due_at, remind_at, status, completed_at, created_by, rule_id, dedupe_key)
                values (:type, :company, :deal, :lead, :contact, :subject, :details, :assignee, :due, :remind,
                        :status, case when :note then now() end, :createdBy, :rule, :dedupe)
                on conflict (dedupe_key) do nothing
                returning id
                """)
                .param("type", activity.type().name()).param("company", activity.companyId())
                .param("deal", activity.dealId()).param("lead", activity.leadId())
                .param("contact", activity.contactId()).param("subject", activity.subject().strip())
                .param("details", activity.details()).param("assignee", activity.assigneeId())
                .param("due", timestamp(activity.dueAt())).param("remind", timestamp(activity.remindAt()))
                .param("status", note ? "DONE" : "OPEN").param("note", note)
                .param("createdBy", activity.createdBy()).param("rule", activity.ruleId())
                .param("dedupe", activity.dedupeKey())
                .query(Long.class).optional();
        id.ifPresent(created -> {
            if (activity.companyId() != null) {
                timeline.record(new Timeline.Entry(activity.companyId(), null, Instant.now(), "ACTIVITY",
                        "crm.timeline.activity." + activity.type().name().toLowerCase(java.util.Locale.ROOT),
                        List.of(activity.subject().strip()), "ACTIVITY", created, activity.createdBy(),
                        "activity:" + created));
            }
        });
        return id;
    }

    /** Completes an open activity with its outcome; false when it was not open. */
    @Transactional
    public boolean complete(long activityId, String outcome, long actorId) {
        int changed = jdbc.sql("""
                update crm.activity set status = 'DONE', outcome = :outcome, completed_at = now()
                where id = :id and status = 'OPEN'
                """).param("outcome", outcome).param("id", activityId).update();
        if (changed == 1) {
            jdbc.sql("select company_id, subject from crm.activity where id = :id").param("id", activityId)
                    .query((rs, n) -> {
                        long company = rs.getLong("company_id");
                        if (!rs.wasNull()) {
                            timeline.record(new Timeline.Entry(company, null, Instant.now(), "ACTIVITY",
                                    "crm.timeline.activity.done", List.of(rs.getString("subject")), "ACTIVITY",
                                    activityId, actorId, "activity-done:" + activityId));
                        }
                        return company;
                    }).list();
        }
        return changed == 1;
    }

    /** Moves the client's open activities of one assignee to another (a client got another account manager). */
    @Transactional
    public int reassignOpen(long companyId, long fromUserId, long toUserId) {
        return jdbc.sql("""
                update crm.activity set assignee_id = :to
                where company_id = :company and assignee_id = :from and status = 'OPEN'
                """).param("to", toUserId).param("company", companyId).param("from", fromUserId).update();
    }

    /** What an edit of an open activity may change. */
    public record Edit(Type type, String subject, String details, long assigneeId, Instant dueAt, Instant remindAt) {
    }

    /** Changes an open activity (a changed reminder time is sent again); false when it was not open. */
    @Transactional
    public boolean update(long activityId, Edit edit) {
        return jdbc.sql("""
                update crm.activity set type = :type, subject = :subject, details = :details, assignee_id = :assignee,
                       due_at = :due,
                       reminded_at = case when remind_at is not distinct from :remind then reminded_at end,
                       remind_at = :remind
                where id = :id and status = 'OPEN'
                """).param("type", edit.type().name()).param("subject", edit.subject().strip())
                .param("details", edit.details()).param("assignee", edit.assigneeId())
                .param("due", timestamp(edit.dueAt())).param("remind", timestamp(edit.remindAt()))
                .param("id", activityId).update() == 1;
    }

    /** Cancels an open activity; false when it was not open. */
    @Transactional
    public boolean cancel(long activityId, long actorId) {
        return jdbc.sql("""
                update crm.activity set status = 'CANCELLED', completed_at = now()
                where id = :id and status = 'OPEN'
                """).param("id", activityId).update() == 1;
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
