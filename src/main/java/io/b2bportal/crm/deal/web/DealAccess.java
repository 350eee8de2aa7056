package io.b2bportal.crm.deal.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.deal.DealQueries;
import io.b2bportal.crm.deal.DealQueries.DealView;
import io.b2bportal.crm.deal.Deals.DealInput;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deals through {@link CrmAccess}: an account manager sees and changes the deals they own and their clients'
 * deals (others are "not found"), puts deals only on their own clients or leads they may see, and owns what they
 * create; heads and administrators everything.
 */
@Component
class DealAccess {

    private final CrmAccess access;
    private final DealQueries queries;
    private final JdbcClient jdbc;

    DealAccess(CrmAccess access, DealQueries queries, JdbcClient jdbc) {
        this.access = access;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    Long me(PortalUser user) {
        return access.ownerFilter(user);
    }

    DealView deal(PortalUser user, long id) {
        access.requireCrmUser(user);
        DealView deal = queries.find(id).orElseThrow(() -> DomainException.notFound("deal", id));
        access.requireOwned(user, "deal", id, deal.ownerId(), deal.companyId());
        return deal;
    }

    /** What a person asked for, with the owner an account manager may not choose and the client checked. */
    DealInput checked(PortalUser user, DealInput in, Long currentOwner) {
        access.requireCrmUser(user);
        boolean all = access.seesAll(user);
        Long mine = currentOwner == null ? user.id() : currentOwner;
        Long owner = all ? (in.ownerId() == null ? mine : in.ownerId()) : mine;
        if (in.companyId() != null && !access.seesClient(user, in.companyId())) {
            throw DomainException.invalid("client-unknown", "crm.deals.client-unknown");
        }
        if (in.leadId() != null && !all) {
            // 0: unassigned (anyone may work it), -1: no such lead
            long leadOwner = jdbc.sql("select coalesce(owner_id, 0) from crm.lead where id = :id")
                    .param("id", in.leadId()).query(Long.class).optional().orElse(-1L);
            if (leadOwner != 0 && leadOwner != user.id()) {
                throw DomainException.invalid("lead-unknown", "crm.deals.lead-unknown");
            }
        }
        return new DealInput(in.title(), in.pipelineId(), in.stageId(), in.companyId(), in.leadId(), in.amount(),
                in.currency(), in.expectedClose(), in.probability(), in.source(), owner);
    }
}
