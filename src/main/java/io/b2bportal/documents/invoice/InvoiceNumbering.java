package io.b2bportal.documents.invoice;

import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.InvoiceIssued;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives invoices their gap-free number. An invoice is issued inside the transaction that places its order, but the
 * yearly counter row is taken only in a short transaction of its own right after that one commits, on the same thread
 * (so the caller sees the number when the checkout returns): concurrent checkouts queue on the counter for a moment
 * instead of for their whole transaction. {@link InvoiceIssued} is published when the number is set, so everything
 * that prints or matches the number (the PDF, bank matching, the CRM) sees it. Every version of one order's invoice
 * shares the number. An invoice left without a number (the node stopped between the two commits) is numbered at
 * start-up and by the sweep every minute. Numbers stay gap-free: a number is taken and written in one transaction.
 */
@Component
public class InvoiceNumbering implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InvoiceNumbering.class);

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    InvoiceNumbering(JdbcClient jdbc, DocumentNumbers numbers, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Numbers the order's invoice right after the current transaction commits (now, without one). */
    void afterCommit(long orderId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            ownTransaction.executeWithoutResult(status -> number(List.of(orderId)));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ownTransaction.executeWithoutResult(status -> number(List.of(orderId)));
            }
        });
    }

    /**
     * Numbers every invoice still without a number, in the current transaction (demo seeding calls it before it reads
     * numbers); returns how many orders' invoices got one.
     */
    public int numberPending() {
        List<Long> orders = jdbc.sql("""
                        select order_id from documents.document
                         where number is null and kind = 'INVOICE' group by order_id order by min(id)""")
                .query(Long.class).list();
        return orders.isEmpty() ? 0 : number(orders);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweep() {
        int numbered = ownTransaction.execute(status -> numberPending());
        if (numbered > 0) {
            log.warn("Numbered the invoices of {} orders that had been left without a number", numbered);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    private record Pending(long id, long orderId, int version, String status, LocalDate issuedOn, long companyId,
            long legalEntityId, String currency, BigDecimal totalGross, LocalDate dueOn, String paymentTerms) {
    }

    /** Numbers the waiting invoices of these orders, in this order; the rows are locked first, then the counter. */
    private int number(List<Long> orderIds) {
        List<Pending> pending = jdbc.sql("""
                        select id, order_id, version, status, issued_on, company_id, legal_entity_id, currency,
                               total_gross, due_on, payment_terms
                          from documents.document
                         where order_id = any(cast(:orders as bigint[])) and kind = 'INVOICE' and number is null
                         order by id
                           for update""")
                .param("orders", orderIds.toArray(Long[]::new)).query(Pending.class).list();
        int numbered = 0;
        for (long orderId : orderIds) {
            List<Pending> versions = pending.stream().filter(p -> p.orderId() == orderId).toList();
            if (versions.isEmpty()) {
                continue;
            }
            // an earlier version may already have its number (a correction issued before the sweep came by)
            Integer seq = jdbc.sql("""
                            select seq from documents.document
                             where order_id = :order and kind = 'INVOICE' and seq is not null limit 1""")
                    .param("order", orderId).query(Integer.class).optional().orElse(null);
            int year = versions.getFirst().issuedOn().getYear();
            if (seq == null) {
                seq = numbers.next(DocumentKind.INVOICE, year);
            }
            String number = DocumentKind.INVOICE.number(year, seq);
            jdbc.sql("update documents.document set number = :number, seq = :seq where id = any(cast(:ids as bigint[]))")
                    .param("number", number).param("seq", seq)
                    .param("ids", versions.stream().map(Pending::id).toArray(Long[]::new)).update();
            for (Pending p : versions) {
                if ("ISSUED".equals(p.status())) {
                    events.publishEvent(new InvoiceIssued(p.id(), number, p.version(), p.companyId(),
                            p.legalEntityId(), orderId, p.currency(), p.totalGross(), p.dueOn(), p.paymentTerms()));
                }
            }
            numbered++;
        }
        return numbered;
    }
}
