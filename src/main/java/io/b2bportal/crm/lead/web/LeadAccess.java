package io.b2bportal.crm.lead.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.lead.Leads;
import io.b2bportal.crm.lead.Leads.LeadView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Component;

/** Leads an account manager may see and work: their own and the unassigned ones; heads and administrators all. */
@Component
class LeadAccess {

    private final CrmAccess access;
    private final Leads leads;

    LeadAccess(CrmAccess access, Leads leads) {
        this.access = access;
        this.leads = leads;
    }

    Long me(PortalUser user) {
        return access.ownerFilter(user);
    }

    boolean seesAll(PortalUser user) {
        return access.seesAll(user);
    }

    LeadView lead(PortalUser user, long id) {
        access.requireCrmUser(user);
        LeadView lead = leads.find(id).orElseThrow(() -> DomainException.notFound("lead", id));
        if (!access.seesAll(user) && lead.ownerId() != null && lead.ownerId() != user.id()) {
            throw DomainException.notFound("lead", id);
        }
        return lead;
    }
}
