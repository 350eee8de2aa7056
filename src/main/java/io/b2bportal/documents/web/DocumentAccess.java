package io.b2bportal.documents.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.query.DocumentQueries;
import io.b2bportal.documents.query.DocumentQueries.Scope;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees which documents: a buyer those of the legal entity they act for, staff those of the customers they may
 * see ({@link CustomersApi#staffSees}). Anything else does not exist for the caller (404, never 403 with details).
 * Credit notes by hand: seller accountants and administrators only.
 */
@Component
class DocumentAccess {

    private final LegalEntityContext context;
    private final CustomersApi customers;
    private final DocumentQueries queries;

    DocumentAccess(LegalEntityContext context, CustomersApi customers, DocumentQueries queries) {
        this.context = context;
        this.customers = customers;
        this.queries = queries;
    }

    LegalEntityRef acting() {
        return context.require();
    }

    /** A document of the buyer's acting legal entity. */
    DocumentView buyerDocument(long id) {
        long entity = acting().id();
        return queries.find(id).filter(d -> d.legalEntityId() == entity)
                .orElseThrow(() -> DomainException.notFound("document", id));
    }

    /** A document of a customer the member of staff sees. */
    DocumentView staffDocument(PortalUser staff, long id) {
        return queries.find(id).filter(d -> customers.staffSees(staff, d.companyId()))
                .orElseThrow(() -> DomainException.notFound("document", id));
    }

    /**
     * The list scope of a member of staff: a legal entity or company they see (404 otherwise), or every customer
     * they see.
     */
    Scope staffScope(PortalUser staff, Long companyId, Long legalEntityId) {
        if (legalEntityId != null) {
            LegalEntityRef entity = staffEntity(staff, legalEntityId);
            if (companyId != null && companyId != entity.companyId()) {
                throw DomainException.notFound("legal-entity", legalEntityId);
            }
            return new Scope(legalEntityId, entity.companyId(), null);
        }
        if (companyId != null) {
            if (!customers.staffSees(staff, companyId)) {
                throw DomainException.notFound("company", companyId);
            }
            return new Scope(null, companyId, null);
        }
        Long manager = customers.staffManagerFilter(staff);
        return new Scope(null, null, manager);
    }

    LegalEntityRef staffEntity(PortalUser staff, long legalEntityId) {
        return customers.legalEntity(legalEntityId).filter(e -> customers.staffSees(staff, e.companyId()))
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
    }

    static boolean mayIssueCreditNotes(PortalUser staff) {
        return staff.has(Role.SELLER_ACCOUNTANT) || staff.has(Role.ADMIN);
    }

    static void requireCreditNoteIssuer(PortalUser staff) {
        if (!mayIssueCreditNotes(staff)) {
            throw new AccessDeniedException("credit notes: seller accountants and administrators only");
        }
    }
}
