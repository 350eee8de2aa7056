package io.b2bportal.crm.activity;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.activity.Activities.Type;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities as people work with them on the pages and the API: who may see, create, assign, edit, complete and
 * cancel which (through {@link CrmAccess}), the input checked, times read and shown in Moscow time, and the
 * manager's day (overdue, today and the next seven days, by the Moscow date).
 */
@Service
public class ActivityDesk {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final JdbcClient jdbc;
    private final Activities activities;
    private final CrmAccess access;

    ActivityDesk(JdbcClient jdbc, Activities activities, CrmAccess access) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.access = access;
    }

    /**
     * What someone typed: times as {@code 2026-11-27T15:00} (Moscow) or with an offset; empty fields are null.
     */
    public record Input(String type, Long companyId, Long dealId, Long leadId, Long contactId, String subject,
            String details, Long assigneeId, String dueAt, String remindAt) {
    }

    /** One activity as the pages and the API show it. */
    public record View(long id, String type, Long companyId, String companyName, Long dealId, String dealTitle,
            Long leadId, Long contactId, String contactName, String subject, String details, long assigneeId,
            String assigneeName, OffsetDateTime dueAt, OffsetDateTime remindAt, OffsetDateTime remindedAt,
            String status, String outcome, OffsetDateTime completedAt, Long ruleId, String ruleName,
            OffsetDateTime createdAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean overdue() {
            return open() && dueAt != null && dueAt.toInstant().isBefore(Instant.now());
        }
    }

    public record Filter(boolean mine, Long companyId, Long dealId, String status) {
    }

    /** The user's open activities by the Moscow date of their due time. */
    public record MyDay(long userId, String userName, LocalDate date, List<View> overdue, List<View> today,
            List<View> upcoming) {
    }

    public record Person(long id, String name, String email) {
    }

    private static final String SELECT = """
            select a.id, a.type, a.company_id, c.name as company_name, a.deal_id, d.title, a.lead_id, a.contact_id,
                   ct.full_name, a.subject, a.details, a.assignee_id, u.display_name, a.due_at, a.remind_at,
                   a.reminded_at, a.status, a.outcome, a.completed_at, a.rule_id, r.name as rule_name, a.created_at
              from crm.activity a
              join platform.user_account u on u.id = a.assignee_id
              left join customers.company c on c.id = a.company_id
              left join crm.deal d on d.id = a.deal_id
              left join crm.contact ct on ct.id = a.contact_id
              left join crm.rule r on r.id = a.rule_id
            """;

    private static View row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new View(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                (Long) rs.getObject(5), rs.getString(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getString(13),
                moscow(rs.getObject(14, OffsetDateTime.class)), moscow(rs.getObject(15, OffsetDateTime.class)),
                moscow(rs.getObject(16, OffsetDateTime.class)), rs.getString(17), rs.getString(18),
                moscow(rs.getObject(19, OffsetDateTime.class)), (Long) rs.getObject(20), rs.getString(21),
                moscow(rs.getObject(22, OffsetDateTime.class)));
    }

    private static OffsetDateTime moscow(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(MOSCOW).toOffsetDateTime();
    }

    /** An activity this person may see; otherwise 404. */
    @Transactional(readOnly = true)
    public View get(PortalUser user, long id) {
        access.requireCrmUser(user);
        View view = jdbc.sql(SELECT + " where a.id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("activity", id));
        access.requireOwned(user, "activity", id, view.assigneeId(), view.companyId());
        return view;
    }

    @Transactional(readOnly = true)
    public List<View> list(PortalUser user, Filter filter, int limit) {
        Long owner = access.ownerFilter(user);
        if (filter.companyId() != null) {
            access.requireClient(user, filter.companyId());
        }
        if (filter.dealId() != null) {
            requireDeal(user, filter.dealId());
        }
        return jdbc.sql(SELECT + """
                 where (cast(:owner as bigint) is null or a.assignee_id = :owner
                        or c.account_manager_id = :owner or a.deal_id in (select id from crm.deal where owner_id = :owner))
                   and (not :mine or a.assignee_id = :me)
                   and (cast(:company as bigint) is null or a.company_id = :company)
                   and (cast(:deal as bigint) is null or a.deal_id = :deal)
                   and (cast(:status as text) is null or a.status = :status)
                 order by a.status = 'OPEN' desc, coalesce(a.due_at, a.created_at) desc, a.id desc limit :limit""")
                .param("owner", owner).param("mine", filter.mine()).param("me", user.id())
                .param("company", filter.companyId()).param("deal", filter.dealId())
                .param("status", filter.status() == null || filter.status().isBlank() ? null
                        : filter.status().toUpperCase(Locale.ROOT))
                .param("limit", limit).query((rs, n) -> row(rs)).list();
    }

    /** The day of {@code userId} (heads and administrators may look at anyone's; others only at their own). */
    @Transactional(readOnly = true)
    public MyDay myDay(PortalUser user, Long userId, Instant now) {
        access.requireCrmUser(user);
        long who = userId == null ? user.id() : userId;
        if (who != user.id() && !access.seesAll(user)) {
            throw DomainException.notFound("user", who);
        }
        Person person = crmPeople().stream().filter(p -> p.id() == who).findFirst()
                .orElseThrow(() -> DomainException.notFound("user", who));
        LocalDate today = LocalDate.ofInstant(now, MOSCOW);
        Instant startOfToday = today.atStartOfDay(MOSCOW).toInstant();
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(MOSCOW).toInstant();
        Instant endOfWeek = today.plusDays(8).atStartOfDay(MOSCOW).toInstant();
        List<View> open = jdbc.sql(SELECT + """
                 where a.assignee_id = :who and a.status = 'OPEN' and (a.due_at is null or a.due_at < :end)
                 order by a.due_at nulls last, a.id""")
                .param("who", who).param("end", java.sql.Timestamp.from(endOfWeek)).query((rs, n) -> row(rs)).list();
        List<View> overdue = new ArrayList<>();
        List<View> todays = new ArrayList<>();
        List<View> upcoming = new ArrayList<>();
        for (View v : open) {
            Instant due = v.dueAt() == null ? null : v.dueAt().toInstant();
            if (due == null) {
                upcoming.add(v);
            } else if (due.isBefore(startOfToday)) {
                overdue.add(v);
            } else if (due.isBefore(startOfTomorrow)) {
                todays.add(v);
            } else {
                upcoming.add(v);
            }
        }
        return new MyDay(who, person.name(), today, overdue, todays, upcoming);
    }

    /** The people who work in the CRM (whom heads may assign to and whose day they may open). */
    @Transactional(readOnly = true)
    public List<Person> crmPeople() {
        return jdbc.sql("""
                select id, display_name as name, email from platform.user_account
                 where side = 'SELLER' and enabled and roles && array['ADMIN', 'SALES_HEAD', 'ACCOUNT_MANAGER']
                 order by display_name, id""").query(Person.class).list();
    }

    @Transactional
    public long create(PortalUser user, Input input) {
        access.requireCrmUser(user);
        Type type = type(input.type());
        String subject = subject(input.subject());
        String details = details(input.details());
        if (input.companyId() != null) {
            access.requireClient(user, input.companyId());
        }
        Long company = input.companyId();
        if (input.dealId() != null) {
            Long dealCompany = requireDeal(user, input.dealId());
            company = company == null ? dealCompany : company;
        }
        if (input.contactId() != null) {
            Long contactCompany = jdbc.sql("select company_id from crm.contact where id = :id")
                    .param("id", input.contactId()).query(Long.class).optional()
                    .orElseThrow(() -> DomainException.notFound("contact", input.contactId()));
            access.requireClient(user, contactCompany);
            company = company == null ? contactCompany : company;
        }
        long assignee = assignee(user, input.assigneeId());
        Instant due = time(input.dueAt(), "due");
        Instant remind = time(input.remindAt(), "remind");
        return activities.create(new Activities.NewActivity(type, company, input.dealId(), input.leadId(),
                input.contactId(), subject, details, assignee, type == Type.NOTE ? null : due,
                type == Type.NOTE ? null : remind, user.id(), null, null)).orElseThrow();
    }

    @Transactional
    public View update(PortalUser user, long id, Input input) {
        View current = get(user, id);
        requireOpen(current);
        Type type = input.type() == null || input.type().isBlank() ? Type.valueOf(current.type()) : type(input.type());
        long assignee = input.assigneeId() == null ? current.assigneeId()
                : input.assigneeId() == current.assigneeId() ? current.assigneeId() : assignee(user, input.assigneeId());
        activities.update(id, new Activities.Edit(type, subject(input.subject()), details(input.details()), assignee,
                time(input.dueAt(), "due"), time(input.remindAt(), "remind")));
        return get(user, id);
    }

    @Transactional
    public View complete(PortalUser user, long id, String outcome) {
        View current = get(user, id);
        requireOpen(current);
        String text = outcome == null || outcome.isBlank() ? null : outcome.strip();
        if (text != null && text.length() > 2000) {
            throw DomainException.invalid("outcome-too-long", "crm.tasks.invalid.outcome");
        }
        activities.complete(id, text, user.id());
        return get(user, id);
    }

    @Transactional
    public View cancel(PortalUser user, long id) {
        View current = get(user, id);
        requireOpen(current);
        activities.cancel(id, user.id());
        return get(user, id);
    }

    private static void requireOpen(View view) {
        if (!view.open()) {
            throw DomainException.conflict("activity-not-open", "crm.tasks.not-open");
        }
    }

    /** The deal's client (null for a lead's deal), when this person may see the deal; otherwise 404. */
    private Long requireDeal(PortalUser user, long dealId) {
        record Deal(long ownerId, Long companyId) {
        }
        Deal deal = jdbc.sql("select owner_id, company_id from crm.deal where id = :id").param("id", dealId)
                .query((rs, n) -> new Deal(rs.getLong(1), (Long) rs.getObject(2))).optional()
                .orElseThrow(() -> DomainException.notFound("deal", dealId));
        access.requireOwned(user, "deal", dealId, deal.ownerId(), deal.companyId());
        return deal.companyId();
    }

    /** An account manager assigns to themselves; heads and administrators to anyone who works in the CRM. */
    private long assignee(PortalUser user, Long assigneeId) {
        if (assigneeId == null || assigneeId == user.id()) {
            return user.id();
        }
        if (!access.seesAll(user)) {
            throw DomainException.invalid("assignee-not-allowed", "crm.tasks.invalid.assignee", assigneeId);
        }
        if (crmPeople().stream().noneMatch(p -> p.id() == assigneeId)) {
            throw DomainException.invalid("unknown-assignee", "crm.tasks.invalid.assignee", assigneeId);
        }
        return assigneeId;
    }

    static Type type(String type) {
        return Arrays.stream(Type.values()).filter(t -> t.name().equalsIgnoreCase(type == null ? "" : type.strip()))
                .findFirst().orElseThrow(() -> DomainException.invalid("activity-type", "crm.tasks.invalid.type",
                        String.valueOf(type)));
    }

    private static String subject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw DomainException.invalid("subject-required", "crm.tasks.invalid.subject");
        }
        if (subject.strip().length() > 300) {
            throw DomainException.invalid("subject-too-long", "crm.tasks.invalid.subject");
        }
        return subject.strip();
    }

    private static String details(String details) {
        if (details == null || details.isBlank()) {
            return null;
        }
        if (details.length() > 4000) {
            throw DomainException.invalid("details-too-long", "crm.tasks.invalid.details");
        }
        return details.strip();
    }

    /** A time typed in Moscow time ({@code 2026-11-27T15:00}, seconds optional) or with an offset; blank is none. */
    public static Instant time(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset: Moscow time
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).atZone(MOSCOW).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(what + "-format", "crm.tasks.invalid.time", t);
        }
    }

    /** A time for a datetime-local input, in Moscow time. */
    public static String local(OffsetDateTime t) {
        return t == null ? "" : ZonedDateTime.ofInstant(t.toInstant(), MOSCOW).toLocalDateTime()
                .withSecond(0).withNano(0).toString();
    }

    public Optional<String> companyName(long companyId) {
        return jdbc.sql("select name from customers.company where id = :id").param("id", companyId)
                .query(String.class).optional();
    }
}
