package io.b2bportal.customers.agreement;

import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.customers.agreement.AcceptanceLog.Acceptance;
import io.b2bportal.customers.agreement.AcceptanceLog.NewAcceptance;
import io.b2bportal.customers.agreement.AgreementDocuments.AgreementDocument;
import io.b2bportal.customers.agreement.AgreementTemplates.AgreementTemplate;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Hashes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supply agreement as pages and the API use it: where a legal entity stands, its PDF, accepting it, and
 * publishing a new version. Only a company administrator of the buyer accepts, for their own company's entity,
 * the exact PDF they were shown; only portal administrators publish versions.
 */
@Service
public class Agreements {

    static final int MAX_USER_AGENT = 500;
    private static final Logger log = LoggerFactory.getLogger(Agreements.class);

    private final AgreementTemplates templates;
    private final AgreementDocuments documents;
    private final AcceptanceLog acceptances;
    private final LegalEntities legalEntities;
    private final CustomerAccess access;
    private final OrderingPolicy policy;

    Agreements(AgreementTemplates templates, AgreementDocuments documents, AcceptanceLog acceptances,
            LegalEntities legalEntities, CustomerAccess access, OrderingPolicy policy) {
        this.templates = templates;
        this.documents = documents;
        this.acceptances = acceptances;
        this.legalEntities = legalEntities;
        this.access = access;
        this.policy = policy;
    }

    public enum State {
        /** Pending or rejected: a contract is offered only to approved entities. */
        ENTITY_NOT_APPROVED,
        /** Approved, but there is no contract to show: no version published or the seller's requisites not set. */
        NOT_READY,
        AWAITING_ACCEPTANCE,
        ACCEPTED
    }

    /**
     * Where a legal entity stands with the current agreement version.
     *
     * @param acceptance          the acceptance of the current version; null until there is one
     * @param requiredForOrdering whether ordering waits for the acceptance (portal setting)
     */
    public record AgreementStatus(long legalEntityId, String legalEntityName, State state, Integer currentVersion,
            String title, String pdfSha256, OffsetDateTime documentDate, Acceptance acceptance,
            boolean requiredForOrdering) {

        public boolean awaitingAcceptance() {
            return state == State.AWAITING_ACCEPTANCE;
        }
    }

    /** A rendered contract with its bytes, checked against the hash it is stored under. */
    public record AgreementPdf(AgreementDocument document, String fileName, byte[] content) {
    }

    /** Where the entity stands; renders its contract of the current version if that has not happened yet. */
    public AgreementStatus status(long legalEntityId) {
        LegalEntityRef entity = legalEntities.ref(legalEntityId)
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
        Optional<AgreementTemplate> template = templates.current();
        Integer version = template.map(AgreementTemplate::version).orElse(null);
        String title = template.map(AgreementTemplate::title).orElse(null);
        boolean required = policy.requiresAcceptedAgreement();
        if (!entity.approved()) {
            return new AgreementStatus(entity.id(), entity.name(), State.ENTITY_NOT_APPROVED, version, title, null,
                    null, null, required);
        }
        Optional<AgreementDocument> document = documents.current(legalEntityId);
        if (document.isEmpty()) {
            return new AgreementStatus(entity.id(), entity.name(), State.NOT_READY, version, title, null, null, null,
                    required);
        }
        Acceptance acceptance = acceptances.find(legalEntityId, version).orElse(null);
        return new AgreementStatus(entity.id(), entity.name(),
                acceptance == null ? State.AWAITING_ACCEPTANCE : State.ACCEPTED, version, title,
                document.get().pdfSha256(), document.get().documentDate(), acceptance, required);
    }

    /** Cheaply, for banners: an approved entity that has not accepted the current version. */
    public boolean awaitsAcceptance(long legalEntityId) {
        return standing(legalEntityId)
                .filter(s -> "APPROVED".equals(s.entityStatus()) && s.currentVersion() != null && !s.acceptedCurrent())
                .isPresent();
    }

    public Optional<OrderingPolicy.Standing> standing(long legalEntityId) {
        return legalEntities.ref(legalEntityId).map(entity -> {
            Integer version = templates.currentVersion().orElse(null);
            boolean accepted = version != null && acceptances.find(legalEntityId, version).isPresent();
            return new OrderingPolicy.Standing(entity.status(), version, accepted);
        });
    }

    public List<Acceptance> history(long legalEntityId) {
        return acceptances.ofEntity(legalEntityId);
    }

    public List<AgreementDocument> documents(long legalEntityId) {
        return documents.ofEntity(legalEntityId);
    }

    /**
     * The PDF of a version (null: the current one, rendered if need be). Empty when there is none: the entity is
     * not approved, or that version was never rendered for it.
     */
    public Optional<AgreementPdf> pdf(long legalEntityId, Integer version) {
        boolean current = version == null || version.equals(templates.currentVersion().orElse(null));
        Optional<AgreementDocument> document = current ? documents.current(legalEntityId)
                : documents.find(legalEntityId, version);
        return document.map(d -> {
            byte[] content = documents.content(d).orElseThrow(() -> new IllegalStateException(
                    "The blob " + d.pdfSha256() + " of agreement document " + d.id() + " is missing"));
            if (!Hashes.sha256Hex(content).equals(d.pdfSha256())) {
                throw new IllegalStateException("The blob " + d.pdfSha256() + " does not match its hash");
            }
            String inn = legalEntities.ref(legalEntityId).map(LegalEntityRef::inn).orElse(null);
            String name = "supply-contract-" + (inn == null ? legalEntityId : inn) + "-v" + d.templateVersion() + ".pdf";
            return new AgreementPdf(d, name, content);
        });
    }

    /**
     * A company administrator accepts the current contract of one of their company's legal entities. The caller
     * names the SHA-256 of the PDF they were shown: if a new version was published meanwhile, the acceptance is
     * refused rather than applied to a text nobody read. Accepting again returns the first acceptance.
     */
    @Transactional
    public Acceptance accept(PortalUser user, long legalEntityId, String pdfSha256, String ip, String userAgent) {
        if (user.isStaff()) {
            throw DomainException.notFound("legal-entity", legalEntityId);
        }
        access.requireEntityVisible(user, legalEntityId);
        if (!user.has(Role.CUSTOMER_ADMIN)) {
            throw new DomainException(403, "forbidden", "customers.agreement.admin-only");
        }
        AgreementStatus status = status(legalEntityId);
        switch (status.state()) {
            case ENTITY_NOT_APPROVED -> throw DomainException.conflict("legal-entity-not-approved",
                    "customers.agreement.entity-not-approved");
            case NOT_READY -> throw DomainException.conflict("agreement-not-ready", "customers.agreement.not-ready");
            default -> { }
        }
        if (!status.pdfSha256().equals(pdfSha256)) {
            throw DomainException.conflict("agreement-changed", "customers.agreement.changed",
                    String.valueOf(status.currentVersion()));
        }
        return acceptances.append(new NewAcceptance(legalEntityId, user.id(), ip, truncate(userAgent),
                status.currentVersion(), status.pdfSha256()), Instant.now());
    }

    /** Portal administrators publish agreement versions. */
    public void requireTemplateAdmin(PortalUser staff) {
        if (!staff.isStaff() || !staff.has(Role.ADMIN)) {
            throw new DomainException(403, "forbidden", "customers.agreement.publish-admin-only");
        }
    }

    /** Publishes the next version (title and body checked by the caller's form, and here again). */
    public int publish(PortalUser staff, String title, String body) {
        requireTemplateAdmin(staff);
        List<AgreementBody.Problem> problems = AgreementBody.check(body);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("agreement-body", problems.getFirst().messageKey(),
                    problems.getFirst().arguments());
        }
        int version = templates.publish(title, body, staff.id());
        log.info("Supply agreement v{} published by user {}", version, staff.id());
        return version;
    }

    static String truncate(String userAgent) {
        if (userAgent == null) {
            return "";
        }
        if (userAgent.length() <= MAX_USER_AGENT) {
            return userAgent;
        }
        // never keep half of a surrogate pair
        int end = Character.isHighSurrogate(userAgent.charAt(MAX_USER_AGENT - 1)) ? MAX_USER_AGENT - 1 : MAX_USER_AGENT;
        return userAgent.substring(0, end);
    }
}
