package io.b2bportal.customers.registration;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.NewLegalEntity;
import io.b2bportal.customers.registration.AccountTokens.Purpose;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-registration: a person, their company and its first legal entity in one step. The person becomes the
 * company's administrator and a buyer, confirms their e-mail through a link, and can then browse; the legal
 * entity orders once the seller has verified it. All or nothing: a refused step leaves no trace.
 */
@Service
public class Registrations {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);

    private final PlatformApi platform;
    private final Companies companies;
    private final LegalEntities legalEntities;
    private final AccountTokens tokens;
    private final Mailer mailer;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final String baseUrl;
    private final org.springframework.context.ApplicationEventPublisher events;

    Registrations(PlatformApi platform, Companies companies, LegalEntities legalEntities, AccountTokens tokens,
            Mailer mailer, MessageSource messages, JdbcClient jdbc, @Value("${portal.base-url}") String baseUrl,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.platform = platform;
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.tokens = tokens;
        this.mailer = mailer;
        this.messages = messages;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
    }

    /** A registration, already validated field by field. */
    public record NewRegistration(String displayName, String email, String phone, String password, String companyName,
            NewLegalEntity entity) {
    }

    /** The ids of what was created. */
    public record Registered(long userId, long companyId, long legalEntityId) {
    }

    @Transactional
    public Registered register(NewRegistration registration, Locale locale) {
        if (platform.emailTaken(registration.email())) {
            throw DomainException.conflict("email-taken", "customers.register.email-taken");
        }
        long userId = platform.createUnverifiedAccount(registration.email(), registration.displayName(),
                Set.of(Role.CUSTOMER_ADMIN, Role.BUYER), registration.password());
        long companyId = companies.create(registration.companyName(), null, null);
        long entityId = legalEntities.create(companyId, registration.entity());
        companies.addMember(userId, companyId, List.of(entityId));
        jdbc.sql("update customers.membership set phone = :phone where user_id = :user")
                .param("phone", registration.phone()).param("user", userId).update();
        String token = tokens.issue(Purpose.CONFIRM_EMAIL, userId, companyId, List.of(entityId), List.of(), null,
                CONFIRMATION_VALIDITY);
        String link = baseUrl + "/register/confirm?token=" + token;
        mailer.send(new OutgoingMail(registration.email(),
                messages.getMessage("customers.register.mail.subject", null, locale),
                messages.getMessage("customers.register.mail.text",
                        new Object[] {registration.displayName(), registration.entity().name(), link,
                            CONFIRMATION_VALIDITY.toHours()}, locale),
                "registration.confirm"));
        events.publishEvent(new io.b2bportal.customers.CustomerRegistered(userId, companyId, entityId,
                registration.companyName(), registration.entity().name(), registration.entity().inn(),
                registration.displayName(), registration.email(), registration.phone()));
        return new Registered(userId, companyId, entityId);
    }

    /** Confirms the e-mail behind a token; the account can sign in from now on. */
    @Transactional
    public long confirm(String token) {
        long userId = tokens.use(Purpose.CONFIRM_EMAIL, token)
                .orElseThrow(() -> DomainException.invalid("token-invalid", "customers.register.token-invalid"))
                .userId();
        platform.markEmailVerified(userId);
        return userId;
    }
}
