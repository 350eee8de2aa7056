package io.b2bportal.payments.payment;

import io.b2bportal.documents.InvoiceIssued;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A legal entity that paid in advance has its next invoice paid from the advance as soon as the invoice is issued
 * (after the issuing transaction commits; the event publication registry retries it after a crash).
 */
@Component
class AdvanceOnNewInvoice {

    private final Allocations allocations;

    AdvanceOnNewInvoice(Allocations allocations) {
        this.allocations = allocations;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        if (allocations.advance(issued.legalEntityId()).signum() > 0) {
            allocations.applyAdvance(issued.legalEntityId(), issued.invoiceId(), null, null, null);
        }
    }
}
