package io.b2bportal.customers.registration;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.registration.AccountTokens.Grant;
import io.b2bportal.customers.registration.AccountTokens.Purpose;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company administrator invites colleagues by e-mail, with their roles and the legal entities they may act
 * for. A new person sets a password when accepting; someone who already has a customer account (at another
 * company) joins this company too. Staff addresses cannot be invited.
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final PlatformApi platform;
    private final Companies companies;
    private final AccountTokens tokens;
    private final Mailer mailer;
    private final MessageSource messages;
    private final String baseUrl;

    Invitations(PlatformApi platform, Companies companies, AccountTokens tokens, Mailer mailer,
            MessageSource messages, @Value("${portal.base-url}") String baseUrl) {
        this.platform = platform;
        this.companies = companies;
        this.tokens = tokens;
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /** An invitation as the administrator fills it in. */
    public record Invite(String email, String displayName, Set<Role> roles, List<Long> legalEntityIds) {
    }

    /** What the invitation page shows before the person accepts. */
    public record Pending(String email, String displayName, String companyName, boolean needsPassword) {
    }

    /** Invites someone; returns the invited account's id. */
    @Transactional
    public long invite(PortalUser admin, long companyId, Invite invite, Locale locale) {
        if (invite.roles().isEmpty() || invite.roles().stream().anyMatch(r -> r.side() != Role.Side.CUSTOMER)) {
            throw DomainException.invalid("roles", "customers.users.roles-invalid");
        }
        requireOwnEntities(companyId, invite.legalEntityIds());
        Optional<Long> existing = platform.accountId(invite.email());
        long userId;
        if (existing.isPresent()) {
            PortalUser account = platform.account(existing.get()).orElseThrow();
            if (account.isStaff()) {
                throw DomainException.conflict("staff-email", "customers.users.staff-email");
            }
            if (companies.members(companyId).stream().anyMatch(m -> m.userId() == account.id())) {
                throw DomainException.conflict("already-member", "customers.users.already-member");
            }
            userId = account.id();
        } else {
            userId = platform.createUnverifiedAccount(invite.email(), invite.displayName(), invite.roles(), null);
        }
        String token = tokens.issue(Purpose.INVITATION, userId, companyId, invite.legalEntityIds(),
                invite.roles().stream().map(Enum::name).sorted().toList(), admin.id(), VALIDITY);
        String company = companies.view(companyId).orElseThrow().name();
        mailer.send(new OutgoingMail(invite.email(),
                messages.getMessage("customers.users.mail.subject", new Object[] {company}, locale),
                messages.getMessage("customers.users.mail.text", new Object[] {invite.displayName(),
                    admin.displayName(), company, baseUrl + "/invitation?token=" + token, VALIDITY.toDays()}, locale),
                "customers.invitation"));
        return userId;
    }

    public Optional<Pending> pending(String token) {
        return tokens.peek(Purpose.INVITATION, token).map(grant -> {
            PortalUser account = platform.account(grant.userId()).orElseThrow();
            String company = companies.view(grant.companyId()).orElseThrow().name();
            return new Pending(account.email(), account.displayName(), company, !platform.hasPassword(account.id()));
        });
    }

    /** Accepts: sets the password if the account has none, confirms the e-mail, joins the company. */
    @Transactional
    public long accept(String token, String password) {
        Grant grant = tokens.peek(Purpose.INVITATION, token)
                .orElseThrow(() -> DomainException.invalid("token-invalid", "customers.register.token-invalid"));
        boolean needsPassword = !platform.hasPassword(grant.userId());
        if (needsPassword && (password == null || password.length() < 12 || password.length() > 200)) {
            throw DomainException.invalid("password", "customers.users.password-short");
        }
        grant = tokens.use(Purpose.INVITATION, token)
                .orElseThrow(() -> DomainException.invalid("token-invalid", "customers.register.token-invalid"));
        if (needsPassword) {
            platform.setPassword(grant.userId(), password);
        }
        platform.markEmailVerified(grant.userId());
        companies.addMember(grant.userId(), grant.companyId(), grant.legalEntityIds());
        return grant.userId();
    }

    /** Changes a member's roles and legal entities; an administrator cannot take their own admin role away. */
    @Transactional
    public void update(PortalUser admin, long companyId, long userId, Set<Role> roles, List<Long> legalEntityIds) {
        if (companies.members(companyId).stream().noneMatch(m -> m.userId() == userId)) {
            throw DomainException.notFound("user", userId);
        }
        if (roles.isEmpty() || roles.stream().anyMatch(r -> r.side() != Role.Side.CUSTOMER)) {
            throw DomainException.invalid("roles", "customers.users.roles-invalid");
        }
        if (userId == admin.id() && !roles.contains(Role.CUSTOMER_ADMIN)) {
            throw DomainException.conflict("self-demotion", "customers.users.self-demotion");
        }
        requireOwnEntities(companyId, legalEntityIds);
        platform.setRoles(userId, EnumSet.copyOf(roles));
        companies.setEntities(userId, companyId, legalEntityIds);
    }

    public static Set<Role> parseRoles(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        return names.stream().map(name -> Role.parse(name)
                        .filter(role -> role.side() == Role.Side.CUSTOMER)
                        .orElseThrow(() -> DomainException.invalid("roles", "customers.users.roles-invalid")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private void requireOwnEntities(long companyId, List<Long> legalEntityIds) {
        if (legalEntityIds.isEmpty()) {
            throw DomainException.invalid("legal-entities", "customers.users.entities-required");
        }
        Set<Long> own = companies.entityIds(companyId);
        if (!own.containsAll(legalEntityIds)) {
            throw DomainException.invalid("legal-entity-foreign", "customers.member.entity-foreign");
        }
    }
}
