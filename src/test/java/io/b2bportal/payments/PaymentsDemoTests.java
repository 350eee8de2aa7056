package io.b2bportal.payments;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.support.PortalTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo payments leave behind: Alpha Stroy never overdue, a partial payment, an advance, an online one. */
@PortalTest
class PaymentsDemoTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentsApi documents;
    @Autowired
    LedgerApi ledger;

    private long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    @Test
    void alphaStroyIsNeverOverdueBeyondAFewDays() {
        long stroy = entity(PaymentsFixture.ALPHA_STROY);
        List<InvoiceRef> overdue = documents.openInvoicesDueBefore(LocalDate.now().minusDays(3)).stream()
                .filter(i -> i.legalEntityId() == stroy).toList();
        assertThat(overdue).isEmpty();
        // its oldest demo invoices are paid; one recent one is paid in part
        assertThat(jdbc.sql("""
                        select count(*) from payments.payment p
                         where p.legal_entity_id = :entity and p.status = 'POSTED'
                           and p.received_on < current_date - 40""")
                .param("entity", stroy).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(documents.openInvoices(stroy).stream().map(InvoiceRef::status))
                .contains(InvoiceStatus.PARTLY_PAID);
    }

    @Test
    void anOverpaymentLeftAnAdvanceAndBetasNewOrderWasPaidOnline() {
        long stroy = entity(PaymentsFixture.ALPHA_STROY);
        assertThat(jdbc.sql("""
                        select count(*) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                         where j.kind = 'PAYMENT' and p.legal_entity_id = :entity and p.account = 'RECEIVABLE'
                           and p.item_id is null and p.amount = -3500""")
                .param("entity", stroy).query(Long.class).single()).isEqualTo(1);
        long beta = entity(PaymentsFixture.BETA);
        assertThat(jdbc.sql("""
                        select o.status from payments.payment p join documents.document d on d.id = p.invoice_id
                          join ordering.orders o on o.id = d.order_id
                         where p.legal_entity_id = :entity and p.source = 'ONLINE' and p.status = 'POSTED'
                         order by p.id limit 1""")
                .param("entity", beta).query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(ledger.trialBalance()).isEqualByComparingTo("0");
    }
}
