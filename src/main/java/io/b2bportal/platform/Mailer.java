package io.b2bportal.platform;

import io.b2bportal.platform.mail.MailDispatcher;
import io.b2bportal.platform.mail.MailOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends e-mail for every module, through the outbox {@code platform.mail_outbox}.
 *
 * <p>{@link #send} writes the mail in the caller's transaction (or in its own when there is none): if the
 * business change rolls back, the mail is gone with it, and no mail leaves before the change is committed.
 * With SMTP configured ({@code spring.mail.host}), the mail is sent right after the commit, retried while
 * the server does not take it, and recorded as sent or failed; any node of a cluster may send it, never two.
 * Without SMTP, the default and the demo's setting, the mail is kept in the outbox, where administrators read
 * it (links and all) on {@code /admin/mail}.
 */
@Service
public class Mailer {

    private final MailOutbox outbox;
    private final ObjectProvider<MailDispatcher> dispatcher;

    Mailer(MailOutbox outbox, ObjectProvider<MailDispatcher> dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Transactional
    public void send(OutgoingMail mail) {
        MailDispatcher smtp = dispatcher.getIfAvailable();
        if (smtp == null) {
            outbox.keep(mail);
        } else {
            outbox.queue(mail);
            smtp.dispatchAfterCommit();
        }
    }
}
