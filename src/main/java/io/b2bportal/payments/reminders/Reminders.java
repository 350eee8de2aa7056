package io.b2bportal.payments.reminders;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.payments.InvoiceDueSoon;
import io.b2bportal.payments.InvoiceOverdue;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.Notifications;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.payments.reports.Amounts;
import io.b2bportal.shared.BusinessDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment reminders for unpaid invoices ({@link ReminderStage}: a few days before the due date, on the first day
 * overdue, every week while overdue). Each reminder is a mail through the outbox and an in-app notification to the
 * buyer company's accountants (its administrators when it has none, every member when it has neither), and an event ({@link InvoiceDueSoon},
 * {@link InvoiceOverdue}) for the account manager's task.
 *
 * <p>Once per invoice and stage, on any number of nodes: the reminder is claimed by inserting its row into
 * {@code payments.reminder_sent} (primary key invoice + stage) in the transaction that writes the mails and the
 * notifications. A second node inserting the same row waits for the first to commit and then inserts nothing, so it
 * sends nothing; if the first rolls back, the second sends it.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DocumentsApi documents;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Mailer mailer;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final ReminderStage stages;
    private final String baseUrl;

    Reminders(DocumentsApi documents, JdbcClient jdbc, TransactionTemplate tx, Mailer mailer,
            Notifications notifications, MessageSource messages, ApplicationEventPublisher events,
            @Value("${portal.reminders.days-before:3}") int daysBefore,
            @Value("${portal.reminders.repeat-days:7}") int repeatDays,
            @Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.tx = tx;
        this.mailer = mailer;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.stages = new ReminderStage(daysBefore, repeatDays);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Sends every reminder due today over all open invoices; returns how many reminders (invoice + stage) it sent. */
    public int run() {
        return run(documents.allOpenInvoices());
    }

    /** The same for one legal entity's open invoices (tests, and a re-run for one customer). */
    public int run(long legalEntityId) {
        return run(documents.openInvoices(legalEntityId));
    }

    private int run(List<InvoiceRef> invoices) {
        LocalDate today = BusinessDate.today();
        int sent = 0;
        for (InvoiceRef invoice : invoices) {
            if (invoice.outstanding().signum() <= 0) {
                continue;
            }
            Optional<String> stage = stages.on(invoice.issuedOn(), invoice.dueOn(), today);
            if (stage.isEmpty()) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> send(invoice, stage.get(), today)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Reminder {} of invoice {} not sent; the next run tries again", stage.get(),
                        invoice.number(), e);
            }
        }
        return sent;
    }

    private record Recipient(long id, String email, String displayName, String locale, int rank) {

        Locale language() {
            return Locale.of(locale == null ? "ru" : locale);
        }
    }

    /** Claims and sends one reminder in the caller's transaction; false when it was sent before. */
    private boolean send(InvoiceRef invoice, String stage, LocalDate today) {
        List<Recipient> recipients = recipients(invoice.companyId());
        int claimed = jdbc.sql("""
                        insert into payments.reminder_sent (invoice_id, stage, legal_entity_id, sent_on, recipients)
                        values (:invoice, :stage, :entity, :today, :recipients)
                        on conflict (invoice_id, stage) do nothing""")
                .param("invoice", invoice.id()).param("stage", stage).param("entity", invoice.legalEntityId())
                .param("today", today).param("recipients", recipients.size()).update();
        if (claimed == 0) {
            return false;
        }
        boolean overdue = ReminderStage.overdue(stage);
        long late = ChronoUnit.DAYS.between(invoice.dueOn(), today);
        String kind = overdue ? "payments.reminder.overdue" : "payments.reminder.due-soon";
        String prefix = overdue ? "finance.reminder.overdue." : "finance.reminder.due-soon.";
        for (Recipient r : recipients) {
            Locale locale = r.language();
            Object[] args = { invoice.number(), Amounts.rub(invoice.outstanding(), locale),
                invoice.dueOn().format(DAY), late, invoice.buyerName(), baseUrl + "/finance", r.displayName(),
                invoice.orderNumber() == null ? "" : invoice.orderNumber() };
            mailer.send(new OutgoingMail(r.email(), messages.getMessage(prefix + "subject", args, locale),
                    messages.getMessage(prefix + "text", args, locale), kind));
            notifications.notify(r.id(), kind, messages.getMessage(prefix + "notification", args, locale), "/finance");
        }
        Long manager = jdbc.sql("select account_manager_id from customers.company where id = :id")
                .param("id", invoice.companyId()).query(Long.class).optional().orElse(null);
        if (overdue) {
            events.publishEvent(new InvoiceOverdue(invoice.id(), invoice.number(), invoice.legalEntityId(),
                    invoice.companyId(), invoice.outstanding(), invoice.dueOn(), late, manager));
        } else {
            events.publishEvent(new InvoiceDueSoon(invoice.id(), invoice.number(), invoice.legalEntityId(),
                    invoice.companyId(), invoice.outstanding(), invoice.dueOn(), manager));
        }
        log.info("Reminder {} of invoice {} sent (recipients: {})", stage, invoice.number(), recipients.size());
        return true;
    }

    /**
     * The company's accountants; when it has none, its administrators; when it has neither (a sole proprietor with one
     * buyer), every active member: somebody must hear of the debt.
     */
    private List<Recipient> recipients(long companyId) {
        List<Recipient> all = jdbc.sql("""
                        select u.id, u.email, u.display_name, u.locale,
                               case when 'ACCOUNTANT' = any(u.roles) then 0
                                    when 'CUSTOMER_ADMIN' = any(u.roles) then 1 else 2 end as rank
                          from customers.membership m
                          join platform.user_account u on u.id = m.user_id
                         where m.company_id = :company and u.enabled
                         order by u.id""")
                .param("company", companyId).query(Recipient.class).list();
        int best = all.stream().mapToInt(Recipient::rank).min().orElse(0);
        return all.stream().filter(r -> r.rank() == best).toList();
    }
}
