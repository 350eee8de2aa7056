package io.b2bportal.crm.team;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.activity.Activities;
import io.b2bportal.crm.timeline.Timeline;
import io.b2bportal.customers.AccountManagerChanged;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's work follows the client. When a customer company gets another account manager, its open activities
 * assigned to the previous manager and its open deals owned by them move to the new one. This is a plain
 * {@link EventListener}: it runs inside the transaction of the assignment itself, so the client, its tasks and its
 * deals change together or not at all (never a client with a new manager and tasks still with the old one).
 */
@Service
public class Reassignments {

    private static final Logger log = LoggerFactory.getLogger(Reassignments.class);

    /** What a bulk reassignment did. */
    public record Result(int clients, int activities, int deals) {
    }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final CustomersApi customers;
    private final CrmAccess access;
    private final Timeline timeline;
    private final TeamQueries queries;

    Reassignments(JdbcClient jdbc, Activities activities, CustomersApi customers, CrmAccess access, Timeline timeline,
            TeamQueries queries) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.customers = customers;
        this.access = access;
        this.timeline = timeline;
        this.queries = queries;
    }

    @EventListener
    void on(AccountManagerChanged changed) {
        if (changed.previousManagerId() == null || changed.newManagerId() == null) {
            return;
        }
        int moved = activities.reassignOpen(changed.companyId(), changed.previousManagerId(), changed.newManagerId());
        int deals = jdbc.sql("""
                        update crm.deal set owner_id = :to, version = version + 1
                         where company_id = :company and owner_id = :from and closed_at is null""")
                .param("to", changed.newManagerId()).param("company", changed.companyId())
                .param("from", changed.previousManagerId()).update();
        timeline.record(new Timeline.Entry(changed.companyId(), null, Instant.now(), "TEAM",
                "crm.team.timeline.reassigned", List.of(name(changed.previousManagerId()),
                        name(changed.newManagerId()), String.valueOf(moved), String.valueOf(deals)),
                null, null, changed.changedBy(), "reassigned:" + changed.companyId() + ":" + changed.newManagerId()
                        + ":" + Instant.now().toEpochMilli()));
        log.info("Client {} moved from manager {} to {}: {} open activities, {} open deals", changed.companyId(),
                changed.previousManagerId(), changed.newManagerId(), moved, deals);
    }

    /**
     * Moves clients of manager {@code from} to manager {@code to}: the chosen ones, or all of them when none are
     * chosen. Each goes through the customers module's assignment (rights, validation, {@link AccountManagerChanged}),
     * all in one transaction.
     */
    @Transactional
    public Result reassign(PortalUser staff, long from, long to, Collection<Long> chosen) {
        access.requireCrmUser(staff);
        if (!access.seesAll(staff)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        if (from == to) {
            throw DomainException.invalid("same-manager", "crm.team.error.same-manager");
        }
        List<Long> ofFrom = queries.clients(from).stream().map(TeamQueries.Client::companyId).toList();
        List<Long> clients = chosen == null || chosen.isEmpty() ? ofFrom : List.copyOf(chosen);
        for (long company : clients) {
            if (!ofFrom.contains(company)) {
                throw DomainException.invalid("not-their-client", "crm.team.error.not-their-client", company);
            }
        }
        int activitiesBefore = openOf(to, "crm.activity", "assignee_id", "status = 'OPEN'");
        int dealsBefore = openOf(to, "crm.deal", "owner_id", "closed_at is null");
        for (long company : clients) {
            customers.assignAccountManager(staff, company, to);
        }
        return new Result(clients.size(), openOf(to, "crm.activity", "assignee_id", "status = 'OPEN'") - activitiesBefore,
                openOf(to, "crm.deal", "owner_id", "closed_at is null") - dealsBefore);
    }

    private int openOf(long user, String table, String column, String open) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :user and " + open)
                .param("user", user).query(Integer.class).single();
    }

    private String name(long userId) {
        return jdbc.sql("select display_name from platform.user_account where id = :id").param("id", userId)
                .query(String.class).optional().orElse("#" + userId);
    }
}
