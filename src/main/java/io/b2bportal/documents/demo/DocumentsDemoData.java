package io.b2bportal.documents.demo;

import io.b2bportal.documents.CreditNoteRequest;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.platform.DemoData;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents of the demo beyond what the ordering demo issues (its orders have invoices, its shipments transfer
 * documents, and every one gets its PDF once the seeding commits): a credit note a seller accountant issued by hand on
 * Alpha Stroy's oldest open invoice, and Alpha Stroy's reconciliation act for the last quarter.
 */
@Component
class DocumentsDemoData implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsDemoData.class);
    private static final String ALPHA_STROY = "7704123450";

    private final DocumentsApi documents;
    private final JdbcClient jdbc;

    DocumentsDemoData(DocumentsApi documents, JdbcClient jdbc) {
        this.documents = documents;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        documents.numberPendingInvoices();
        Long entity = jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", ALPHA_STROY)
                .query(Long.class).optional().orElse(null);
        if (entity == null) {
            LOG.warn("No Alpha Stroy in the demo: no demo credit note and act");
            return;
        }
        long accountant = seeding.accountId("accountant@demo.local");
        List<InvoiceRef> open = documents.openInvoices(entity);
        open.stream().min(Comparator.comparing(InvoiceRef::issuedOn)).ifPresent(invoice ->
                BusinessDate.asOf(invoice.issuedOn().plusDays(5), () -> documents.issueCreditNote(
                        CreditNoteRequest.ofAmount(entity, invoice.id(), new BigDecimal("1500.00"), "22",
                                "Возврат брака по претензии (2 шт.)", accountant))));
        LocalDate today = BusinessDate.today();
        LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3);
        LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
        documents.issueReconciliationAct(entity, quarterStart, quarterEnd, accountant);
    }
}
