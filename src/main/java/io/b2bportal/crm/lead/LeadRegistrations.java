package io.b2bportal.crm.lead;

import io.b2bportal.customers.CustomerRegistered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A company that registered itself is a lead until someone of the sales team has qualified and converted it. */
@Component
class LeadRegistrations {

    private final Leads leads;

    LeadRegistrations(Leads leads) {
        this.leads = leads;
    }

    @ApplicationModuleListener
    void on(CustomerRegistered event) {
        leads.fromRegistration(event.companyId(), event.userId(), event.companyName(), event.inn(),
                event.contactName(), event.email(), event.phone());
    }
}
