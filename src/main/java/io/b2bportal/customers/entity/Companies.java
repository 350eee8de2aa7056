package io.b2bportal.customers.entity;

import io.b2bportal.customers.CustomersApi.CompanyRef;
import io.b2bportal.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Companies, their members and groups: the SQL side of the customer list and the customer card. */
@Repository
public class Companies {

    private final JdbcClient jdbc;

    Companies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of the seller's customer list. */
    public record CompanyRow(long id, String name, String groupName, String managerName, int entities,
            int pendingEntities, int users, OffsetDateTime createdAt) {
    }

    /** The head of a customer card. */
    public record CompanyView(long id, String name, Long groupId, String groupName, Long accountManagerId,
            String accountManagerName, OffsetDateTime createdAt) {
    }

    /** A user of a customer company, with the legal entities they may act for. */
    public record MemberView(long userId, String email, String displayName, List<String> roles, boolean enabled,
            List<Long> legalEntityIds) {
    }

    public record GroupView(long id, String code, String name, int companies) {
    }

    public long create(String name, Long groupId, Long accountManagerId) {
        return jdbc.sql("""
                        insert into customers.company (name, group_id, account_manager_id)
                        values (:name, :group, :manager) returning id""")
                .param("name", name).param("group", groupId).param("manager", accountManagerId)
                .query(Long.class).single();
    }

    public Optional<Long> companyOfUser(long userId) {
        return jdbc.sql("select company_id from customers.membership where user_id = :user order by created_at limit 1")
                .param("user", userId).query(Long.class).optional();
    }

    public boolean isMember(long userId, long companyId) {
        return jdbc.sql("select exists (select 1 from customers.membership where user_id = :user and company_id = :company)")
                .param("user", userId).param("company", companyId).query(Boolean.class).single();
    }

    public Optional<Long> companyOfEntity(long legalEntityId) {
        return jdbc.sql("select company_id from customers.legal_entity where id = :id")
                .param("id", legalEntityId).query(Long.class).optional();
    }

    public Optional<Long> accountManagerOf(long companyId) {
        return jdbc.sql("select account_manager_id from customers.company where id = :id")
                .param("id", companyId).query(Long.class).optional();
    }

    /** The seller's customer list: {@code managerId} limits it to one manager's clients; {@code q} searches. */
    public List<CompanyRow> list(Long managerId, String q, int limit, int offset) {
        String pattern = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase() + "%";
        return jdbc.sql("""
                        select c.id, c.name, g.name as group_name, m.display_name as manager_name,
                               (select count(*) from customers.legal_entity le where le.company_id = c.id) as entities,
                               (select count(*) from customers.legal_entity le
                                 where le.company_id = c.id and le.status = 'PENDING') as pending_entities,
                               (select count(*) from customers.membership ms where ms.company_id = c.id) as users,
                               c.created_at
                          from customers.company c
                          left join customers.customer_group g on g.id = c.group_id
                          left join platform.user_account m on m.id = c.account_manager_id
                         where (cast(:manager as bigint) is null or c.account_manager_id = :manager)
                           and (cast(:pattern as text) is null or lower(c.name) like :pattern
                                or exists (select 1 from customers.legal_entity le where le.company_id = c.id
                                           and (lower(le.name) like :pattern or le.inn like :pattern)))
                         order by c.name, c.id
                         limit :limit offset :offset""")
                .param("manager", managerId).param("pattern", pattern).param("limit", limit).param("offset", offset)
                .query(CompanyRow.class).list();
    }

    public Optional<CompanyView> view(long id) {
        return jdbc.sql("""
                        select c.id, c.name, c.group_id, g.name as group_name, c.account_manager_id,
                               m.display_name as account_manager_name, c.created_at
                          from customers.company c
                          left join customers.customer_group g on g.id = c.group_id
                          left join platform.user_account m on m.id = c.account_manager_id
                         where c.id = :id""")
                .param("id", id).query(CompanyView.class).optional();
    }

    public List<MemberView> members(long companyId) {
        return jdbc.sql("""
                        select u.id as user_id, u.email, u.display_name, u.roles, u.enabled,
                               coalesce(array_agg(me.legal_entity_id order by me.legal_entity_id)
                                        filter (where me.legal_entity_id is not null), '{}') as entity_ids
                          from customers.membership ms
                          join platform.user_account u on u.id = ms.user_id
                          left join customers.member_entity me on me.user_id = u.id
                               and me.legal_entity_id in (select id from customers.legal_entity where company_id = :company)
                         where ms.company_id = :company
                         group by u.id order by u.display_name, u.id""")
                .param("company", companyId)
                .query((rs, n) -> new MemberView(rs.getLong("user_id"), rs.getString("email"),
                        rs.getString("display_name"), List.of((String[]) rs.getArray("roles").getArray()),
                        rs.getBoolean("enabled"), List.of((Long[]) rs.getArray("entity_ids").getArray())))
                .list();
    }

    /** Adds a user to a company, acting for the given entities (all of them must belong to the company). */
    public void addMember(long userId, long companyId, List<Long> legalEntityIds) {
        jdbc.sql("""
                        insert into customers.membership (user_id, company_id, default_legal_entity_id)
                        values (:user, :company, :default) on conflict do nothing""")
                .param("user", userId).param("company", companyId)
                .param("default", legalEntityIds.isEmpty() ? null : legalEntityIds.getFirst()).update();
        setEntities(userId, companyId, legalEntityIds);
    }

    /** Replaces the legal entities a member may act for, within their company. */
    public void setEntities(long userId, long companyId, List<Long> legalEntityIds) {
        long foreign = legalEntityIds.isEmpty() ? 0 : jdbc.sql("""
                        select count(*) from unnest(cast(:ids as bigint[])) as given(id)
                         where not exists (select 1 from customers.legal_entity le
                                            where le.id = given.id and le.company_id = :company)""")
                .param("ids", legalEntityIds.toArray(Long[]::new)).param("company", companyId)
                .query(Long.class).single();
        if (foreign > 0) {
            throw DomainException.invalid("legal-entity-foreign", "customers.member.entity-foreign");
        }
        jdbc.sql("""
                        delete from customers.member_entity
                         where user_id = :user
                           and legal_entity_id in (select id from customers.legal_entity where company_id = :company)""")
                .param("user", userId).param("company", companyId).update();
        jdbc.sql("""
                        insert into customers.member_entity (user_id, legal_entity_id)
                        select :user, id from unnest(cast(:ids as bigint[])) as given(id) on conflict do nothing""")
                .param("user", userId).param("ids", legalEntityIds.toArray(Long[]::new)).update();
    }

    public java.util.Set<Long> entityIds(long companyId) {
        return java.util.Set.copyOf(jdbc.sql("select id from customers.legal_entity where company_id = :company")
                .param("company", companyId).query(Long.class).list());
    }

    public void assign(long companyId, Long groupId, Long accountManagerId) {
        jdbc.sql("update customers.company set group_id = :group, account_manager_id = :manager where id = :id")
                .param("group", groupId).param("manager", accountManagerId).param("id", companyId).update();
    }

    public List<GroupView> groups() {
        return jdbc.sql("""
                        select g.id, g.code, g.name, (select count(*) from customers.company c where c.group_id = g.id)
                               as companies
                          from customers.customer_group g order by g.name""")
                .query(GroupView.class).list();
    }

    public long createGroup(String code, String name) {
        try {
            return jdbc.sql("insert into customers.customer_group (code, name) values (:code, :name) returning id")
                    .param("code", code).param("name", name).query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.conflict("group-exists", "customers.group.exists", code);
        }
    }

    public Optional<Long> groupOf(long companyId) {
        return jdbc.sql("select group_id from customers.company where id = :id and group_id is not null")
                .param("id", companyId).query(Long.class).optional();
    }

    public List<CompanyRef> named(String text, int limit) {
        return jdbc.sql("""
                        select id, name, group_id from customers.company
                         where :text = '' or name ilike '%' || :text || '%' order by name limit :limit""")
                .param("text", text == null ? "" : text.strip()).param("limit", limit)
                .query(CompanyRef.class).list();
    }

    public List<CompanyRef> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("""
                        select id, name, group_id from customers.company where id = any (:ids) order by name""")
                .param("ids", ids.toArray(Long[]::new)).query(CompanyRef.class).list();
    }
}
