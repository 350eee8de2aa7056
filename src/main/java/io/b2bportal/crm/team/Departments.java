package io.b2bportal.crm.team;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales team's org structure: departments (a name, a head, an optional parent department) and which member of
 * staff works in which (at most one each). Administrators and sales heads change it; account managers only read it.
 */
@Service
public class Departments {

    /** A department with its head and members, as the team page and the API show it. */
    public record Department(long id, String name, Long headId, String headName, Long parentId, String parentName,
            List<Member> members) {
    }

    public record Member(long userId, String displayName, String email) {
    }

    /** A member of the sales staff who can head a department or belong to one. */
    public record Staff(long id, String displayName, String email, Long departmentId) {
    }

    private final JdbcClient jdbc;
    private final CrmAccess access;

    Departments(JdbcClient jdbc, CrmAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    private record Row(long id, String name, Long headId, String headName, Long parentId, String parentName) {
    }

    @Transactional(readOnly = true)
    public List<Department> list() {
        List<Row> rows = jdbc.sql("""
                        select d.id, d.name, d.head_id, h.display_name as head_name, d.parent_id, p.name as parent_name
                          from crm.department d
                          left join platform.user_account h on h.id = d.head_id
                          left join crm.department p on p.id = d.parent_id
                         order by coalesce(p.name, d.name), d.parent_id nulls first, d.name""")
                .query(Row.class).list();
        List<Staff> staff = staff();
        return rows.stream().map(r -> new Department(r.id(), r.name(), r.headId(), r.headName(), r.parentId(),
                r.parentName(), staff.stream().filter(s -> s.departmentId() != null && s.departmentId() == r.id())
                        .map(s -> new Member(s.id(), s.displayName(), s.email())).toList())).toList();
    }

    public Optional<Department> find(long id) {
        return list().stream().filter(d -> d.id() == id).findFirst();
    }

    /** The enabled seller staff who work in the CRM (administrators, sales heads, account managers). */
    @Transactional(readOnly = true)
    public List<Staff> staff() {
        return jdbc.sql("""
                        select u.id, u.display_name, u.email, m.department_id
                          from platform.user_account u
                          left join crm.department_member m on m.user_id = u.id
                         where u.side = 'SELLER' and u.enabled
                           and u.roles && array['ADMIN', 'SALES_HEAD', 'ACCOUNT_MANAGER']::text[]
                         order by u.display_name""")
                .query(Staff.class).list();
    }

    @Transactional
    public long create(PortalUser staff, String name, Long headId, Long parentId) {
        requireEditor(staff);
        String cleaned = name(name);
        requireStaff(headId);
        if (parentId != null) {
            find(parentId).orElseThrow(() -> DomainException.invalid("no-such-parent", "crm.team.error.parent",
                    parentId));
        }
        try {
            return jdbc.sql("""
                            insert into crm.department (name, head_id, parent_id) values (:name, :head, :parent)
                            returning id""")
                    .param("name", cleaned).param("head", headId).param("parent", parentId)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("department-exists", "crm.team.error.exists", cleaned);
        }
    }

    @Transactional
    public void update(PortalUser staff, long id, String name, Long headId, Long parentId) {
        requireEditor(staff);
        find(id).orElseThrow(() -> DomainException.notFound("department", id));
        String cleaned = name(name);
        requireStaff(headId);
        if (parentId != null) {
            requireNoCycle(id, parentId);
        }
        try {
            jdbc.sql("update crm.department set name = :name, head_id = :head, parent_id = :parent where id = :id")
                    .param("name", cleaned).param("head", headId).param("parent", parentId).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("department-exists", "crm.team.error.exists", cleaned);
        }
    }

    /** Puts a member of staff into a department, taking them out of any other (one department each). */
    @Transactional
    public void addMember(PortalUser staff, long departmentId, long userId) {
        requireEditor(staff);
        find(departmentId).orElseThrow(() -> DomainException.notFound("department", departmentId));
        requireStaff(userId);
        jdbc.sql("""
                        insert into crm.department_member (user_id, department_id) values (:user, :department)
                        on conflict (user_id) do update set department_id = excluded.department_id, added_at = now()""")
                .param("user", userId).param("department", departmentId).update();
    }

    @Transactional
    public void removeMember(PortalUser staff, long departmentId, long userId) {
        requireEditor(staff);
        find(departmentId).orElseThrow(() -> DomainException.notFound("department", departmentId));
        jdbc.sql("delete from crm.department_member where user_id = :user and department_id = :department")
                .param("user", userId).param("department", departmentId).update();
    }

    /** Administrators and sales heads change the structure; everybody else in the CRM reads it. */
    public void requireEditor(PortalUser staff) {
        access.requireCrmUser(staff);
        if (!access.seesAll(staff)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    private static String name(String name) {
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty() || cleaned.length() > 120) {
            throw DomainException.invalid("bad-name", "crm.team.error.name");
        }
        return cleaned;
    }

    private void requireStaff(Long userId) {
        if (userId != null && staff().stream().noneMatch(s -> s.id() == userId)) {
            throw DomainException.invalid("not-sales-staff", "crm.team.error.staff", userId);
        }
    }

    private void requireNoCycle(long id, long parentId) {
        Set<Long> seen = new HashSet<>();
        Long current = parentId;
        while (current != null) {
            if (current == id || !seen.add(current)) {
                throw DomainException.invalid("department-cycle", "crm.team.error.cycle");
            }
            long at = current;
            List<Long[]> parent = jdbc.sql("select parent_id from crm.department where id = :id").param("id", at)
                    .query((rs, n) -> new Long[] {rs.getObject("parent_id", Long.class)}).list();
            if (parent.isEmpty()) {
                throw DomainException.invalid("no-such-parent", "crm.team.error.parent", at);
            }
            current = parent.getFirst()[0];
        }
    }
}
