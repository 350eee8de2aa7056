package io.b2bportal.customers.agreement;

import io.b2bportal.customers.LegalEntityApproved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Renders the contract of a legal entity once the seller has approved it, after the approval commits and away
 * from the staff member's request: rendering takes a few hundred milliseconds, and a failure here must not undo
 * the approval. The event publication registry retries an unfinished rendering at the next start, and a contract
 * that is still missing is rendered when the buyer first opens it.
 */
@Component
class AgreementRendering {

    private final AgreementDocuments documents;

    AgreementRendering(AgreementDocuments documents) {
        this.documents = documents;
    }

    @ApplicationModuleListener
    void on(LegalEntityApproved approved) {
        documents.current(approved.legalEntityId());
    }
}
