package io.b2bportal.crm.rules;

import io.b2bportal.claims.ClaimClosed;
import io.b2bportal.claims.ClaimOpened;
import io.b2bportal.claims.ClaimRated;
import io.b2bportal.customers.CustomerRegistered;
import io.b2bportal.ordering.OrderCancelled;
import io.b2bportal.ordering.OrderDelivered;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.payments.CreditHoldPlaced;
import io.b2bportal.payments.InvoiceDueSoon;
import io.b2bportal.payments.InvoiceOverdue;
import io.b2bportal.payments.PaymentReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The other modules' events that rules start from: after their commit, each in the rules' own transactions. */
@Component
class RuleListeners {

    private final RuleEngine engine;

    RuleListeners(RuleEngine engine) {
        this.engine = engine;
    }

    @ApplicationModuleListener
    void on(CustomerRegistered event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(OrderDelivered event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(InvoiceOverdue event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(InvoiceDueSoon event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(PaymentReceived event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(ClaimOpened event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(ClaimClosed event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(ClaimRated event) {
        engine.fire(event);
    }

    @ApplicationModuleListener
    void on(CreditHoldPlaced event) {
        engine.fire(event);
    }
}
