package io.b2bportal.crm.timeline;

import io.b2bportal.customers.AccountManagerChanged;
import io.b2bportal.customers.CustomerHistory;
import io.b2bportal.customers.CustomerRegistered;
import io.b2bportal.customers.LegalEntityApproved;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The client itself on its timeline: registered, a legal entity approved, another account manager. */
@Component
class CustomerTimeline {

    private final Timeline timeline;
    private final CustomerHistory history;
    private final PlatformApi platform;

    CustomerTimeline(Timeline timeline, CustomerHistory history, PlatformApi platform) {
        this.timeline = timeline;
        this.history = history;
        this.platform = platform;
    }

    @ApplicationModuleListener
    void on(CustomerRegistered registered) {
        timeline.record(new Timeline.Entry(registered.companyId(), registered.legalEntityId(),
                history.registeredAt(registered.companyId()).orElseGet(Instant::now), "REGISTRATION",
                "crm.timeline.registration.registered", List.of(registered.entityName(),
                        registered.inn() == null ? "—" : registered.inn(), registered.contactName(),
                        registered.email()), "COMPANY", registered.companyId(), registered.userId(),
                "customer-registered:" + registered.companyId()));
    }

    @ApplicationModuleListener
    void on(LegalEntityApproved approved) {
        timeline.record(new Timeline.Entry(approved.companyId(), approved.legalEntityId(),
                history.verifiedAt(approved.legalEntityId()).orElseGet(Instant::now), "REGISTRATION",
                "crm.timeline.registration.approved", List.of(approved.name(),
                        approved.inn() == null ? "—" : approved.inn()), "COMPANY", approved.companyId(),
                approved.approvedBy(), "entity-approved:" + approved.legalEntityId()));
    }

    /** The customers module keeps no time of the change: it is logged when heard of, right after the commit. */
    @ApplicationModuleListener
    void on(AccountManagerChanged changed) {
        timeline.record(new Timeline.Entry(changed.companyId(), null, Instant.now(), "ACCOUNT",
                "crm.timeline.account.manager-changed", List.of(name(changed.previousManagerId()),
                        name(changed.newManagerId())), "COMPANY", changed.companyId(), changed.changedBy(),
                "manager-changed:" + changed.companyId() + ":" + changed.previousManagerId() + ":"
                        + changed.newManagerId() + ":" + Instant.now().getEpochSecond() / 60));
    }

    private String name(Long userId) {
        return userId == null ? "—" : platform.account(userId).map(PortalUser::displayName).orElse("#" + userId);
    }
}
