package io.b2bportal.crm.onbehalf;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.CustomerView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Starts and stops acting on a client's behalf, and reads what was done so. Who may: those who manage the client
 * (administrators, sales heads, its account manager); a client someone may not see is not found (404), one they see
 * but do not manage is forbidden (403). The legal entity must be an approved one of the client.
 */
@Service
class OnBehalf {

    static final int AUDIT_LIMIT = 100;

    private final CrmAccess access;
    private final CustomersApi customers;
    private final AuditLog audit;

    OnBehalf(CrmAccess access, CustomersApi customers, AuditLog audit) {
        this.access = access;
        this.customers = customers;
        this.audit = audit;
    }

    /** The client a member of staff may act for, with the legal entities they may choose. */
    record Client(long id, String name, List<LegalEntityRef> entities) {
    }

    Client requireManaged(PortalUser staff, long companyId) {
        Client client = client(staff, companyId);
        if (!customers.staffManages(staff, companyId)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        return client;
    }

    /** A client this member of staff sees in the CRM (404 otherwise). */
    Client client(PortalUser staff, long companyId) {
        access.requireClient(staff, companyId);
        String name = customers.companies(List.of(companyId)).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("client", companyId)).name();
        return new Client(companyId, name, customers.legalEntitiesOf(companyId).stream()
                .filter(LegalEntityRef::approved).toList());
    }

    /** Starts acting for the client's legal entity in this browser session (replacing any other client). */
    CustomerView.State start(PortalUser staff, long companyId, Long legalEntityId, HttpServletRequest request) {
        Client client = requireManaged(staff, companyId);
        if (legalEntityId == null) {
            throw DomainException.invalid("legal-entity-required", "crm.onbehalf.entity.required");
        }
        LegalEntityRef entity = client.entities().stream().filter(e -> e.id() == legalEntityId).findFirst()
                .orElseThrow(() -> DomainException.invalid("legal-entity-not-approved", "crm.onbehalf.entity.invalid"));
        CustomerView.State state = new CustomerView.State(companyId, entity.id(), client.name() + ", " + entity.name(),
                CustomerView.Mode.ON_BEHALF);
        CustomerView.start(request, state);
        audit.record(staff.id(), "crm.on-behalf.start", new AuditLog.Customer(companyId, entity.id(), null),
                "Started acting on behalf of " + client.name() + " / " + entity.displayName(), request.getRemoteAddr());
        return state;
    }

    /** Stops acting on behalf (if this session does); the client it acted for. */
    Optional<Long> stop(PortalUser staff, HttpServletRequest request) {
        Optional<CustomerView.State> state = CustomerView.of(request).filter(CustomerView.State::onBehalf);
        state.ifPresent(s -> {
            CustomerView.stop(request);
            audit.record(staff.id(), "crm.on-behalf.stop", new AuditLog.Customer(s.companyId(), s.legalEntityId(),
                    null), "Stopped acting on behalf of " + s.label(), request.getRemoteAddr());
        });
        return state.map(CustomerView.State::companyId);
    }

    /** An audit entry with the names of the legal entity and the customer's user, for the page and the API. */
    record Entry(long id, java.time.OffsetDateTime at, long staffId, String staffName, String action,
            long companyId, long legalEntityId, String legalEntityName, Long customerUserId, String customerUserName,
            String subject) {
    }

    /** What staff did on the client's behalf, newest first (those who see the client). */
    List<Entry> audit(PortalUser staff, long companyId) {
        access.requireClient(staff, companyId);
        Map<Long, String> entities = customers.legalEntitiesOf(companyId).stream()
                .collect(Collectors.toMap(LegalEntityRef::id, LegalEntityRef::name, (a, b) -> a));
        return audit.onBehalfOf(companyId, AUDIT_LIMIT).stream()
                .map(e -> new Entry(e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.companyId(),
                        e.legalEntityId(), entities.getOrDefault(e.legalEntityId(), "#" + e.legalEntityId()),
                        e.customerUserId(), e.customerUserName(), e.subject()))
                .toList();
    }
}
