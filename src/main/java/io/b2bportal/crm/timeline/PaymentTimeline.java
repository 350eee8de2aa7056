package io.b2bportal.crm.timeline;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.payments.CreditHoldLifted;
import io.b2bportal.payments.CreditHoldPlaced;
import io.b2bportal.payments.InvoiceOverdue;
import io.b2bportal.payments.InvoicePaid;
import io.b2bportal.payments.PaymentHistory;
import io.b2bportal.payments.PaymentReceived;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Money on the client's timeline: payments received, invoices paid or overdue, credit holds placed and lifted. */
@Component
class PaymentTimeline {

    private final Timeline timeline;
    private final PaymentHistory history;
    private final CustomersApi customers;

    PaymentTimeline(Timeline timeline, PaymentHistory history, CustomersApi customers) {
        this.timeline = timeline;
        this.history = history;
        this.customers = customers;
    }

    @ApplicationModuleListener
    void on(PaymentReceived received) {
        company(received.legalEntityId()).ifPresent(company -> timeline.record(new Timeline.Entry(company,
                received.legalEntityId(), history.receivedAt(received.paymentId())
                        .orElseGet(() -> SourceTime.onDay(received.receivedOn(), Optional.empty())),
                "PAYMENT", "crm.timeline.payment.received",
                List.of(SourceTime.money(received.amount(), received.currency()), "msg:crm.clients.payment-source." + received.source()), "PAYMENT",
                received.paymentId(), null, "payment-received:" + received.paymentId())));
    }

    @ApplicationModuleListener
    void on(InvoicePaid paid) {
        company(paid.legalEntityId()).ifPresent(company -> timeline.record(new Timeline.Entry(company,
                paid.legalEntityId(), SourceTime.onDay(paid.paidOn(), history.lastPaidAt(paid.invoiceId())),
                "INVOICE", "crm.timeline.invoice.paid", List.of(paid.number()), "INVOICE", paid.invoiceId(), null,
                "invoice-paid:" + paid.invoiceId())));
    }

    @ApplicationModuleListener
    void on(InvoiceOverdue overdue) {
        // published on the first day overdue and weekly after: the day it was that many days overdue, at 9 o'clock
        Instant at = overdue.dueOn().plusDays(overdue.daysOverdue()).atTime(LocalTime.of(9, 0))
                .atZone(io.b2bportal.shared.BusinessDate.ZONE).toInstant();
        timeline.record(new Timeline.Entry(overdue.companyId(), overdue.legalEntityId(), at, "INVOICE",
                "crm.timeline.invoice.overdue", List.of(overdue.number(), String.valueOf(overdue.daysOverdue()),
                        SourceTime.money(overdue.outstanding(), "RUB")), "INVOICE", overdue.invoiceId(), null,
                "invoice-overdue:" + overdue.invoiceId() + ":" + overdue.daysOverdue()));
    }

    @ApplicationModuleListener
    void on(CreditHoldPlaced placed) {
        timeline.record(new Timeline.Entry(placed.companyId(), placed.legalEntityId(),
                history.holdPlacedAt(placed.holdId()).orElseGet(Instant::now), "CREDIT",
                "crm.timeline.credit.placed", List.of(entityName(placed.legalEntityId()),
                        SourceTime.money(placed.overdue(), "RUB")), "CREDIT_HOLD", placed.holdId(), null,
                "credit-hold:" + placed.holdId()));
    }

    @ApplicationModuleListener
    void on(CreditHoldLifted lifted) {
        timeline.record(new Timeline.Entry(lifted.companyId(), lifted.legalEntityId(),
                history.holdEndedAt(lifted.holdId()).orElseGet(Instant::now), "CREDIT",
                lifted.released() ? "crm.timeline.credit.released" : "crm.timeline.credit.lifted",
                List.of(entityName(lifted.legalEntityId()), lifted.reason() == null ? "—" : lifted.reason()),
                "CREDIT_HOLD", lifted.holdId(), lifted.releasedBy(), "credit-hold-ended:" + lifted.holdId()));
    }

    private Optional<Long> company(long legalEntityId) {
        return customers.legalEntity(legalEntityId).map(e -> e.companyId());
    }

    private String entityName(long legalEntityId) {
        return customers.legalEntity(legalEntityId).map(e -> e.name()).orElse("#" + legalEntityId);
    }
}
