package io.b2bportal.crm.client;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.ordering.Receivables;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the client list and card: companies with their group, account manager, legal entities,
 * portal users, contracts, balance and credit status (ordering's {@link Receivables}, implemented by payments), the
 * last order, and the CRM's own open tasks and deals.
 */
@Service
public class ClientQueries {

    private final JdbcClient jdbc;
    private final Receivables receivables;
    private final CustomersApi customers;

    ClientQueries(JdbcClient jdbc, Receivables receivables, CustomersApi customers) {
        this.jdbc = jdbc;
        this.receivables = receivables;
        this.customers = customers;
    }

    /** A row of the client list; {@code balance} is what the client owes (negative: paid in advance). */
    public record ClientRow(long id, String name, String groupName, Long managerId, String managerName,
            List<String> legalEntities, boolean onHold, BigDecimal balance, Instant lastOrderAt, int openTasks,
            int openDeals) {
    }

    private record RawRow(long id, String name, String groupName, Long managerId, String managerName,
            List<Long> entityIds, List<String> entityNames, Instant lastOrderAt, int openTasks, int openDeals) {
    }

    /**
     * The clients someone sees ({@code managerId} null: all), whose name, a legal entity's name or INN contains
     * {@code q}, by name; {@code limit} rows from {@code offset}.
     */
    @Transactional(readOnly = true)
    public List<ClientRow> list(Long managerId, String q, int limit, int offset) {
        String text = q == null ? "" : q.strip();
        List<RawRow> rows = jdbc.sql("""
                        select c.id, c.name, g.name as group_name, c.account_manager_id, m.display_name as manager_name,
                               coalesce((select array_agg(e.id order by e.name, e.id) from customers.legal_entity e
                                          where e.company_id = c.id), '{}') as entity_ids,
                               coalesce((select array_agg(e.name order by e.name, e.id) from customers.legal_entity e
                                          where e.company_id = c.id), '{}') as entity_names,
                               (select max(o.created_at) from ordering.orders o where o.company_id = c.id) as last_order_at,
                               (select count(*) from crm.activity a
                                 where a.company_id = c.id and a.status = 'OPEN') as open_tasks,
                               (select count(*) from crm.deal d
                                 where d.company_id = c.id and d.closed_at is null) as open_deals
                          from customers.company c
                          left join customers.customer_group g on g.id = c.group_id
                          left join platform.user_account m on m.id = c.account_manager_id
                         where (cast(:manager as bigint) is null or c.account_manager_id = :manager)
                           and (:q = '' or c.name ilike '%' || :q || '%'
                                or exists (select 1 from customers.legal_entity e
                                            where e.company_id = c.id
                                              and (e.name ilike '%' || :q || '%' or e.inn like :q || '%')))
                         order by c.name, c.id
                         limit :limit offset :offset""")
                .param("manager", managerId).param("q", text.replace("%", "").replace("_", ""))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new RawRow(rs.getLong("id"), rs.getString("name"), rs.getString("group_name"),
                        (Long) rs.getObject("account_manager_id"), rs.getString("manager_name"),
                        longs(rs.getArray("entity_ids")), strings(rs.getArray("entity_names")),
                        instant(rs.getObject("last_order_at", OffsetDateTime.class)), rs.getInt("open_tasks"),
                        rs.getInt("open_deals")))
                .list();
        // balances and holds of every listed entity in two queries, not two per entity
        List<Long> entities = rows.stream().flatMap(r -> r.entityIds().stream()).toList();
        java.util.Map<Long, BigDecimal> balances = receivables.outstanding(entities);
        java.util.Set<Long> held = receivables.onHold(entities);
        return rows.stream().map(r -> new ClientRow(r.id(), r.name(), r.groupName(), r.managerId(), r.managerName(),
                r.entityNames(), r.entityIds().stream().anyMatch(held::contains),
                r.entityIds().stream().map(e -> balances.getOrDefault(e, BigDecimal.ZERO))
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                r.lastOrderAt(), r.openTasks(), r.openDeals())).toList();
    }

    /** The head of a client card. */
    public record Company(long id, String name, String groupName, Long managerId, String managerName,
            String managerEmail, Instant createdAt) {
    }

    /** A legal entity of the client with its requisites, verification, contract terms, balance and credit status. */
    public record Entity(long id, String name, String legalForm, String inn, String kpp, String ogrn,
            String legalAddress, String status, Instant verifiedAt, String verifiedBy, ContractTerms terms,
            BigDecimal balance, Receivables.CreditHold hold) {

        public boolean approved() {
            return "APPROVED".equals(status);
        }
    }

    /** A portal user of the client with their roles. */
    public record User(long id, String email, String displayName, List<String> roles, boolean enabled) {
    }

    /** An open task (activity) of the client. */
    public record Task(long id, String type, String subject, Instant dueAt, String assigneeName, boolean overdue) {
    }

    /** An open deal of the client. */
    public record Deal(long id, String title, BigDecimal amount, String currency, String stageName,
            LocalDate expectedClose, String ownerName) {
    }

    @Transactional(readOnly = true)
    public Optional<Company> company(long companyId) {
        return jdbc.sql("""
                        select c.id, c.name, g.name as group_name, c.account_manager_id as manager_id,
                               m.display_name as manager_name, m.email as manager_email, c.created_at
                          from customers.company c
                          left join customers.customer_group g on g.id = c.group_id
                          left join platform.user_account m on m.id = c.account_manager_id
                         where c.id = :id""")
                .param("id", companyId)
                .query((rs, n) -> new Company(rs.getLong("id"), rs.getString("name"), rs.getString("group_name"),
                        (Long) rs.getObject("manager_id"), rs.getString("manager_name"), rs.getString("manager_email"),
                        instant(rs.getObject("created_at", OffsetDateTime.class))))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Entity> entities(long companyId) {
        record Row(long id, String name, String legalForm, String inn, String kpp, String ogrn, String legalAddress,
                String status, OffsetDateTime verifiedAt, String verifiedBy) {
        }
        return jdbc.sql("""
                        select e.id, e.name, e.legal_form, e.inn, e.kpp, e.ogrn, e.legal_address, e.status,
                               e.verified_at, v.display_name as verified_by
                          from customers.legal_entity e left join platform.user_account v on v.id = e.verified_by
                         where e.company_id = :id order by e.name, e.id""")
                .param("id", companyId).query(Row.class).list().stream()
                .map(r -> new Entity(r.id(), r.name(), r.legalForm(), r.inn(), r.kpp(), r.ogrn(), r.legalAddress(),
                        r.status(), instant(r.verifiedAt()), r.verifiedBy(), customers.termsOf(r.id()),
                        receivables.outstanding(r.id()), receivables.hold(r.id()).orElse(null)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<User> users(long companyId) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name, u.roles, u.enabled
                          from customers.membership m join platform.user_account u on u.id = m.user_id
                         where m.company_id = :id order by u.display_name, u.id""")
                .param("id", companyId)
                .query((rs, n) -> new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        strings(rs.getArray("roles")), rs.getBoolean("enabled")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Task> openTasks(long companyId, int limit) {
        return jdbc.sql("""
                        select a.id, a.type, a.subject, a.due_at, u.display_name as assignee_name,
                               coalesce(a.due_at < now(), false) as overdue
                          from crm.activity a join platform.user_account u on u.id = a.assignee_id
                         where a.company_id = :id and a.status = 'OPEN'
                         order by a.due_at nulls last, a.id limit :limit""")
                .param("id", companyId).param("limit", limit)
                .query((rs, n) -> new Task(rs.getLong("id"), rs.getString("type"), rs.getString("subject"),
                        instant(rs.getObject("due_at", OffsetDateTime.class)), rs.getString("assignee_name"),
                        rs.getBoolean("overdue")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Deal> openDeals(long companyId, int limit) {
        return jdbc.sql("""
                        select d.id, d.title, d.amount, d.currency, s.name as stage_name, d.expected_close,
                               u.display_name as owner_name
                          from crm.deal d join crm.pipeline_stage s on s.id = d.stage_id
                          join platform.user_account u on u.id = d.owner_id
                         where d.company_id = :id and d.closed_at is null
                         order by d.expected_close nulls last, d.id limit :limit""")
                .param("id", companyId).param("limit", limit).query(Deal.class).list();
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static List<Long> longs(Array array) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Number) o).longValue());
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
