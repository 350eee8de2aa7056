package io.b2bportal.claims.resolution;

import io.b2bportal.documents.DocumentRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import org.springframework.stereotype.Component;

/**
 * Claims' credit notes through the documents module: against the order's current invoice (what it leaves unpaid is
 * reduced first, the rest becomes the buyer's advance), for the accepted lines at the order's prices or for the agreed
 * amount of a price reduction, with the claim's number as the reason. Joins the claim's transaction.
 */
@Component
class DocumentsCreditNoteIssuer implements CreditNoteIssuer {

    private final DocumentsApi documents;

    DocumentsCreditNoteIssuer(DocumentsApi documents) {
        this.documents = documents;
    }

    @Override
    public IssuedCreditNote issue(CreditNoteRequest request) {
        Long invoice = documents.invoiceOfOrder(request.orderId()).map(InvoiceRef::id).orElse(null);
        String reason = "Рекламация " + request.reference();
        io.b2bportal.documents.CreditNoteRequest note;
        if (request.amount() != null) {
            String vatRate = request.lines().isEmpty() ? null : request.lines().getFirst().vatRate();
            note = io.b2bportal.documents.CreditNoteRequest.ofAmount(request.legalEntityId(), invoice,
                    request.amount(), vatRate, reason, request.actorId());
        } else {
            note = new io.b2bportal.documents.CreditNoteRequest(request.legalEntityId(), invoice,
                    request.lines().stream().map(l -> new io.b2bportal.documents.CreditNoteRequest.Line(l.sku(),
                            l.name(), l.quantity(), l.unitGross(), l.vatRate())).toList(),
                    null, null, reason, request.actorId());
        }
        DocumentRef issued = documents.issueCreditNote(note);
        return new IssuedCreditNote(issued.id(), issued.number());
    }
}
