package io.b2bportal.crm.team;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The team page's figures per manager, read from the CRM core tables and the customers' assignments: how many
 * clients, open and overdue tasks, and the amount of open deals they own.
 */
@Service
public class TeamQueries {

    /** One member of the sales staff with their workload; {@code departmentId} null when in none. */
    public record ManagerLoad(long userId, String displayName, String email, Long departmentId, String departmentName,
            long clients, long openTasks, long overdueTasks, long openDeals, BigDecimal openDealsAmount) {
    }

    /** A client of a manager, for choosing whom to reassign. */
    public record Client(long companyId, String name, Long managerId, String managerName) {
    }

    private final JdbcClient jdbc;

    TeamQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account manager and sales head, or only {@code onlyUser} (null: all). */
    public List<ManagerLoad> managers(Long onlyUser) {
        return jdbc.sql("""
                        select u.id as user_id, u.display_name, u.email, m.department_id, d.name as department_name,
                               (select count(*) from customers.company c where c.account_manager_id = u.id) as clients,
                               (select count(*) from crm.activity a
                                 where a.assignee_id = u.id and a.status = 'OPEN') as open_tasks,
                               (select count(*) from crm.activity a
                                 where a.assignee_id = u.id and a.status = 'OPEN' and a.due_at < now()) as overdue_tasks,
                               (select count(*) from crm.deal x where x.owner_id = u.id and x.closed_at is null)
                                   as open_deals,
                               (select coalesce(sum(x.amount), 0) from crm.deal x
                                 where x.owner_id = u.id and x.closed_at is null) as open_deals_amount
                          from platform.user_account u
                          left join crm.department_member m on m.user_id = u.id
                          left join crm.department d on d.id = m.department_id
                         where u.side = 'SELLER' and u.enabled
                           and u.roles && array['SALES_HEAD', 'ACCOUNT_MANAGER']::text[]
                           and (cast(:only as bigint) is null or u.id = :only)
                         order by d.name nulls last, u.display_name""")
                .param("only", onlyUser).query(ManagerLoad.class).list();
    }

    /** Customer companies with their account managers, of one manager or (null) all. */
    public List<Client> clients(Long managerId) {
        return jdbc.sql("""
                        select c.id as company_id, c.name, c.account_manager_id as manager_id,
                               u.display_name as manager_name
                          from customers.company c left join platform.user_account u on u.id = c.account_manager_id
                         where cast(:manager as bigint) is null or c.account_manager_id = :manager
                         order by c.name""")
                .param("manager", managerId).query(Client.class).list();
    }
}
