package io.b2bportal.payments.bank;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides whose a bank payment is and what it pays. The payer's INN must be a customer's; the invoices named in the
 * purpose ({@link InvoiceReferences}) must be that customer's (the invoice's buyer INN = the payer's INN); then the
 * money goes to those invoices, each up to what is left to pay, and the rest becomes the advance. A known payer who
 * names no invoice pays its oldest open invoices first (what an accountant does by hand with such a payment; the rest
 * is an advance). Everything else — no INN, an INN no customer has, several legal entities with that INN and no KPP
 * to tell them apart, an invoice number that does not exist or belongs to someone else — waits for staff in review.
 */
@Component
class PaymentMatcher {

    private final CustomersApi customers;
    private final DocumentsApi documents;

    PaymentMatcher(CustomersApi customers, DocumentsApi documents) {
        this.customers = customers;
        this.documents = documents;
    }

    /** The decision: the entity (null = review), the invoices to pay, whether to pay its oldest first, and why. */
    record Decision(Long legalEntityId, List<Long> invoiceIds, boolean oldestFirst, String key, List<String> args) {

        static Decision review(String key, String... args) {
            return new Decision(null, List.of(), false, key, List.of(args));
        }
    }

    Decision decide(String payerInn, String payerKpp, String purpose, int year) {
        if (payerInn == null || payerInn.isBlank()) {
            return Decision.review("payments.match.no-inn");
        }
        List<LegalEntityRef> entities = customers.legalEntitiesByInn(payerInn);
        if (entities.isEmpty()) {
            return Decision.review("payments.match.unknown-payer", payerInn);
        }
        if (entities.size() > 1 && payerKpp != null) {
            List<LegalEntityRef> byKpp = entities.stream().filter(e -> payerKpp.equals(e.kpp())).toList();
            entities = byKpp.isEmpty() ? entities : byKpp;
        }
        List<InvoiceReferences.Reference> references = InvoiceReferences.find(purpose, year);
        if (references.isEmpty()) {
            if (entities.size() > 1) {
                return Decision.review("payments.match.ambiguous-entity", payerInn);
            }
            return new Decision(entities.getFirst().id(), List.of(), true, "payments.match.by-inn", List.of());
        }
        List<InvoiceRef> named = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (InvoiceReferences.Reference ref : references) {
            Optional<InvoiceRef> invoice = documents.invoiceBySequence(ref.year(), ref.seq());
            if (invoice.isEmpty() && !ref.yearStated()) {
                // an invoice of December paid in January
                invoice = documents.invoiceBySequence(ref.year() - 1, ref.seq());
            }
            invoice.ifPresentOrElse(named::add, () -> unknown.add(ref.year() + "/" + ref.seq()));
        }
        if (named.isEmpty()) {
            return Decision.review("payments.match.invoice-unknown", String.join(", ", unknown));
        }
        List<InvoiceRef> foreign = named.stream().filter(i -> !payerInn.equals(i.buyerInn())).toList();
        if (!foreign.isEmpty()) {
            return Decision.review("payments.match.inn-mismatch", foreign.getFirst().number(),
                    String.valueOf(foreign.getFirst().buyerInn()), payerInn);
        }
        long entity = named.getFirst().legalEntityId();
        if (named.stream().anyMatch(i -> i.legalEntityId() != entity)) {
            return Decision.review("payments.match.ambiguous-entity", payerInn);
        }
        List<InvoiceRef> open = named.stream().filter(i -> i.status().open() && i.outstanding().signum() > 0)
                .toList();
        String numbers = named.stream().map(InvoiceRef::number).collect(Collectors.joining(", "));
        if (open.isEmpty()) {
            return new Decision(entity, List.of(), false, "payments.match.invoice-closed", List.of(numbers));
        }
        return new Decision(entity, open.stream().map(InvoiceRef::id).toList(), false, "payments.match.invoices",
                List.of(numbers));
    }
}
