package io.b2bportal.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mails of the outbox over SMTP; exists only when {@code spring.mail.host} is set. It runs
 * right after a transaction that queued mail commits, and every {@code portal.mail.poll-interval} for retries
 * and for what another node queued. Each mail is sent inside a short transaction that holds its row locked
 * ({@code for update skip locked}), so several senders, on one node or many, never send the same mail twice
 * at once. If a node dies after the SMTP server took a mail but before the commit, the mail is sent again:
 * at least once, never lost.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** At most this many mails per run, so one run cannot hold a scheduler thread for ever. */
    private static final int MAX_PER_RUN = 500;

    private final MailOutbox outbox;
    private final JavaMailSender smtp;
    private final TransactionTemplate transaction;
    private final TaskScheduler scheduler;
    private final InternetAddress from;
    private final MailRetries retries;
    private final AtomicBoolean runPending = new AtomicBoolean();

    MailDispatcher(MailOutbox outbox, JavaMailSender smtp, TransactionTemplate transaction, TaskScheduler scheduler,
            @Value("${portal.mail.from}") String from, @Value("${portal.mail.max-attempts:8}") int maxAttempts,
            @Value("${portal.mail.first-retry-delay:1m}") Duration firstRetryDelay) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.transaction = transaction;
        this.scheduler = scheduler;
        this.from = parse(from);
        this.retries = new MailRetries(maxAttempts, firstRetryDelay);
    }

    /** Sends what is due once the current transaction has committed (at once when there is none). */
    public void dispatchAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runSoon();
                }
            });
        } else {
            runSoon();
        }
    }

    /** Many mails committed together start one run, not one each. */
    private void runSoon() {
        if (runPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                runPending.set(false);
                sendDue();
            }, Instant.now());
        }
    }

    /** Sends every mail that is due, one transaction each. */
    @Scheduled(fixedDelayString = "${portal.mail.poll-interval:10s}", initialDelayString = "${portal.mail.poll-interval:10s}")
    public void sendDue() {
        int handled = 0;
        while (handled < MAX_PER_RUN && sendNext()) {
            handled++;
        }
    }

    private boolean sendNext() {
        Optional<Boolean> handled = Optional.ofNullable(transaction.execute(status -> outbox.claimNext()
                .map(mail -> {
                    deliver(mail);
                    return true;
                })
                .orElse(false)));
        return handled.orElse(false);
    }

    private void deliver(MailOutbox.DueMail mail) {
        try {
            smtp.send(message -> prepare(message, mail));
            outbox.markSent(mail.id());
        } catch (MailParseException | MailPreparationException e) {
            log.warn("Mail {} ({}) cannot be sent: {}", mail.id(), mail.kind(), e.getMessage());
            outbox.markFailed(mail.id(), e.getMessage());
        } catch (MailException e) {
            int failed = mail.attempts() + 1;
            Optional<Duration> delay = retries.delayAfter(failed);
            if (delay.isPresent()) {
                log.info("Mail {} ({}) not sent, attempt {}; retrying in {}: {}", mail.id(), mail.kind(), failed,
                        delay.get(), e.getMessage());
                outbox.markForRetry(mail.id(), e.getMessage(), delay.get());
            } else {
                log.warn("Mail {} ({}) not sent after {} attempts, giving up: {}", mail.id(), mail.kind(), failed,
                        e.getMessage());
                outbox.markFailed(mail.id(), e.getMessage());
            }
        }
    }

    private void prepare(MimeMessage message, MailOutbox.DueMail mail) throws MessagingException {
        boolean alternative = mail.bodyHtml() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, alternative, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        if (alternative) {
            helper.setText(mail.bodyText(), mail.bodyHtml());
        } else {
            helper.setText(mail.bodyText());
        }
        message.setHeader("X-Portal-Mail", mail.kind() + "; id=" + mail.id());
    }

    private static InternetAddress parse(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("portal.mail.from is not a valid address: " + address, e);
        }
    }
}
