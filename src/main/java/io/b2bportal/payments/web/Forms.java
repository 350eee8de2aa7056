package io.b2bportal.payments.web;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the payment pages share: the legal entities to choose from, invoice numbers typed by hand, amounts. */
@Component
class Forms {

    private final JdbcClient jdbc;
    private final DocumentsApi documents;

    Forms(JdbcClient jdbc, DocumentsApi documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    record EntityOption(long id, String label) {
    }

    /** Every approved legal entity, by company: what an accountant picks a payer from. */
    List<EntityOption> entities() {
        return jdbc.sql("""
                        select le.id, c.name || ' · ' || le.name || ' (' || coalesce(le.inn, '—') || ')' as label
                          from customers.legal_entity le join customers.company c on c.id = le.company_id
                         where le.status = 'APPROVED'
                         order by c.name, le.name limit 2000""")
                .query(EntityOption.class).list();
    }

    /** "СЧ-2026-00042, СЧ-2026-00043" (commas, spaces or new lines between): the invoices, in that order. */
    List<Long> invoiceIds(String numbers) {
        List<Long> ids = new ArrayList<>();
        if (numbers == null || numbers.isBlank()) {
            return ids;
        }
        for (String number : numbers.split("[,;\\s]+")) {
            if (number.isBlank()) {
                continue;
            }
            InvoiceRef invoice = documents.invoiceByNumber(number.strip())
                    .orElseThrow(() -> DomainException.invalid("unknown-invoice", "payments.refused.unknown-invoice",
                            number.strip()));
            ids.add(invoice.id());
        }
        return ids;
    }

    /** An amount typed by a person: a decimal comma or point, spaces between thousands. */
    static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("bad-amount", "payments.refused.amount");
        }
        String cleaned = text.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (!cleaned.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            throw DomainException.invalid("bad-amount", "payments.refused.amount");
        }
        return new BigDecimal(cleaned);
    }

    List<InvoiceRef> openInvoices(long legalEntityId) {
        return documents.openInvoices(legalEntityId);
    }
}
