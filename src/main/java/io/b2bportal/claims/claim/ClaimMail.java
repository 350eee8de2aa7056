package io.b2bportal.claims.claim;

import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.Notifications;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the other side of a claim that something changed, by mail through the platform outbox and by an in-app
 * notification (the bell), both in the same transaction as the change: the buyer who opened it on every change the seller makes, and the assignee (else the
 * customer's account manager) on every change the buyer makes. In the recipient's language, with a link.
 */
@Component
class ClaimMail {

    private final Mailer mailer;
    private final Notifications notifications;
    private final PlatformApi platform;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final String baseUrl;

    ClaimMail(Mailer mailer, Notifications notifications, PlatformApi platform, MessageSource messages,
            JdbcClient jdbc, @Value("${portal.base-url}") String baseUrl) {
        this.mailer = mailer;
        this.notifications = notifications;
        this.platform = platform;
        this.messages = messages;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
    }

    private record Parties(long id, String number, long openedBy, Long assigneeId, Long managerId, String status) {
    }

    /**
     * @param actorId who made the change; they are never told of their own change
     * @param what    the message key of what happened (bundle {@code i18n/claims}), taking the claim number as {0}
     *                and {@code detail} as {1}
     */
    void changed(long claimId, long actorId, boolean byStaff, String what, String detail) {
        Parties claim = jdbc.sql("""
                        select c.id, c.number, c.opened_by, c.assignee_id, co.account_manager_id as manager_id, c.status
                          from claims.claim c join customers.company co on co.id = c.company_id where c.id = :id""")
                .param("id", claimId).query(Parties.class).single();
        List<Long> recipients = byStaff ? List.of(claim.openedBy())
                : claim.assigneeId() != null ? List.of(claim.assigneeId())
                : claim.managerId() != null ? List.of(claim.managerId()) : List.of();
        recipients.stream().filter(id -> id != actorId).distinct()
                .map(platform::account).flatMap(java.util.Optional::stream)
                .filter(PortalUser::isEnabled)
                .forEach(user -> send(user, claim, byStaff, what, detail));
    }

    private void send(PortalUser user, Parties claim, boolean toBuyer, String what, String detail) {
        Locale locale = user.preferredLocale().orElse(Locale.forLanguageTag("ru"));
        String path = (toBuyer ? "/claims/" : "/admin/claims/") + claim.id();
        String link = baseUrl + path;
        String status = messages.getMessage("claims.status." + claim.status(), null, locale);
        String happened = messages.getMessage(what, new Object[] {claim.number(), Objects.toString(detail, "")}, locale);
        notifications.notify(user.id(), "claims.changed",
                happened + " " + messages.getMessage("claims.mail.status", new Object[] {status}, locale), path);
        String text = happened
                + "\n" + messages.getMessage("claims.mail.status", new Object[] {status}, locale)
                + "\n\n" + messages.getMessage("claims.mail.link", new Object[] {link}, locale) + "\n";
        mailer.send(new OutgoingMail(user.email(), messages.getMessage("claims.mail.subject",
                new Object[] {claim.number(), status}, locale), text, "claims.changed"));
    }
}
