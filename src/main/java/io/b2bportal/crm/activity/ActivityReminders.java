package io.b2bportal.crm.activity;

import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.Notifications;
import io.b2bportal.platform.OutgoingMail;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders of open activities whose reminder time has passed: an in-app notification and a mail (through
 * the outbox) to the assignee. Each activity is claimed with {@code update ... where reminded_at is null} in the same
 * transaction as its notification and mail, so several nodes (or runs) never remind twice. Runs on the schedule only
 * where scheduling is on; the tests call {@link #sendDue()}.
 */
@Component
public class ActivityReminders {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final String baseUrl;

    ActivityReminders(JdbcClient jdbc, Notifications notifications, Mailer mailer, MessageSource messages,
            TransactionTemplate tx, @org.springframework.beans.factory.annotation.Value("${portal.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.mailer = mailer;
        this.messages = messages;
        this.tx = tx;
    }

    private record Due(long id, String subject, OffsetDateTime dueAt, long assigneeId, String email, String locale,
            String companyName) {
    }

    @Scheduled(fixedDelayString = "${portal.crm.reminders.interval:1m}", initialDelayString = "${portal.crm.reminders.interval:1m}")
    void scheduled() {
        sendDue();
    }

    /** Sends every reminder that is due; returns how many this run sent. */
    public int sendDue() {
        List<Long> due = jdbc.sql("""
                select id from crm.activity where status = 'OPEN' and reminded_at is null and remind_at <= now()
                 order by remind_at, id limit 500""").query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Boolean done = tx.execute(status -> remind(id));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(long id) {
        Due d = jdbc.sql("""
                update crm.activity a set reminded_at = now()
                  from platform.user_account u
                 where a.id = :id and a.reminded_at is null and a.status = 'OPEN' and u.id = a.assignee_id
                returning a.id, a.subject, a.due_at, a.assignee_id, u.email, u.locale,
                          (select name from customers.company c where c.id = a.company_id)""")
                .param("id", id)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional().orElse(null);
        if (d == null) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(d.locale() == null ? "ru" : d.locale());
        String due = d.dueAt() == null ? "—" : TIME.format(d.dueAt().atZoneSameInstant(ActivityDesk.MOSCOW));
        String client = d.companyName() == null ? "—" : d.companyName();
        String text = messages.getMessage("crm.tasks.reminder.text", new Object[] {d.subject(), due, client}, locale);
        String link = "/admin/crm/activities/" + d.id();
        notifications.notify(d.assigneeId(), "crm.activity.reminder", text, link);
        String subject = messages.getMessage("crm.tasks.reminder.subject", new Object[] {d.subject()}, locale);
        mailer.send(new OutgoingMail(d.email(), subject.length() > 300 ? subject.substring(0, 300) : subject,
                text + "\n\n" + baseUrl + link, "crm.activity.reminder"));
        return true;
    }

}
