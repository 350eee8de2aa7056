package io.b2bportal.crm.lead;

import io.b2bportal.crm.deal.Deals;
import io.b2bportal.crm.timeline.Timeline;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: created from a registration, the public form, a CSV import or by hand; NEW → QUALIFIED → CONVERTED,
 * or DISQUALIFIED with a reason. Converting makes (or, for a registration, links) the customer company, puts the
 * lead's person into the client's contacts, optionally opens a first deal, and says so on the client's timeline.
 */
@Service
public class Leads {

    public static final List<String> SOURCES = List.of("REGISTRATION", "WEB_FORM", "CSV_IMPORT", "MANUAL");
    public static final List<String> STATUSES = List.of("NEW", "QUALIFIED", "CONVERTED", "DISQUALIFIED");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{5,25}$");

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final Timeline timeline;
    private final Deals deals;

    Leads(JdbcClient jdbc, CustomersApi customers, Timeline timeline, Deals deals) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.timeline = timeline;
        this.deals = deals;
    }

    /** What someone typed for a lead (the public form, a CSV row, a manager). */
    public record LeadInput(String companyName, String inn, String contactName, String phone, String email,
            String message) {
    }

    public record LeadView(long id, String source, String companyName, String inn, String contactName, String phone,
            String email, String message, String status, String disqualifyReason, Long ownerId, String ownerName,
            Long companyId, String companyLinkName, OffsetDateTime createdAt, OffsetDateTime convertedAt,
            int version) {

        public String name() {
            return companyName != null ? companyName : contactName;
        }

        public boolean open() {
            return "NEW".equals(status) || "QUALIFIED".equals(status);
        }
    }

    /** How to convert: the company's account manager, and optionally a first deal on a pipeline. */
    public record Conversion(Long accountManagerId, Long pipelineId, String dealTitle, BigDecimal dealAmount) {
    }

    /** A lead checked field by field; a bad field is refused with its own message. */
    public LeadInput check(LeadInput in, boolean reachRequired) {
        String company = trim(in.companyName(), 200, "company");
        String contact = trim(in.contactName(), 200, "contact");
        String phone = trim(in.phone(), 40, "phone");
        String email = trim(in.email(), 254, "email");
        String message = trim(in.message(), 2000, "message");
        String inn = trim(in.inn(), 12, "inn");
        if (company == null && contact == null) {
            throw DomainException.invalid("lead-name", "crm.leads.name-required");
        }
        if (reachRequired && phone == null && email == null) {
            throw DomainException.invalid("lead-reach", "crm.leads.reach-required");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw DomainException.invalid("lead-phone", "crm.leads.phone-invalid");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("lead-email", "crm.leads.email-invalid");
        }
        if (inn != null && !customers.isValidInn(inn)) {
            throw DomainException.invalid("lead-inn", "crm.leads.inn-invalid");
        }
        return new LeadInput(company, inn, contact, phone, email == null ? null : email.toLowerCase(), message);
    }

    @Transactional
    public long create(String source, LeadInput raw, Long ownerId, Long actorId) {
        if (!SOURCES.contains(source) || "REGISTRATION".equals(source)) {
            throw new IllegalArgumentException(source);
        }
        LeadInput in = check(raw, "WEB_FORM".equals(source));
        return insert(source, in, ownerId, actorId);
    }

    private long insert(String source, LeadInput in, Long ownerId, Long actorId) {
        return jdbc.sql("""
                insert into crm.lead (source, company_name, inn, contact_name, phone, email, message, owner_id, created_by)
                values (:source, :company, :inn, :contact, :phone, :email, :message, :owner, :actor) returning id
                """).param("source", source).param("company", in.companyName()).param("inn", in.inn())
                .param("contact", in.contactName()).param("phone", in.phone()).param("email", in.email())
                .param("message", in.message()).param("owner", ownerId).param("actor", actorId)
                .query(Long.class).single();
    }

    /** A lead for the company that just registered itself; a second delivery of the same event adds nothing. */
    @Transactional
    public Optional<Long> fromRegistration(long companyId, long userId, String companyName, String inn,
            String contactName, String email, String phone) {
        Long manager = customers.accountManagerOf(companyId).orElse(null);
        return jdbc.sql("""
                insert into crm.lead (source, company_name, inn, contact_name, phone, email, owner_id, company_id,
                                      registration_company_id, registered_user_id)
                values ('REGISTRATION', :company, :inn, :contact, :phone, :email, :owner, :companyId, :companyId, :user)
                on conflict (registration_company_id) do nothing returning id
                """).param("company", cut(companyName, 200))
                .param("inn", inn != null && inn.matches("[0-9]{10}([0-9]{2})?") ? inn : null)
                .param("contact", cut(contactName, 200)).param("phone", cut(phone, 40)).param("email", cut(email, 254))
                .param("owner", manager).param("companyId", companyId).param("user", userId)
                .query(Long.class).optional();
    }

    /** Demo data: a lead in a given status. */
    @Transactional
    public long createDemo(String source, String company, String inn, String contact, String phone, String email,
            String message, Long owner, String status, String reason) {
        long id = insert(source, new LeadInput(company, inn, contact, phone, email, message), owner, null);
        jdbc.sql("update crm.lead set status = :status, disqualify_reason = :reason where id = :id")
                .param("status", status).param("reason", reason).param("id", id).update();
        return id;
    }

    /** Someone of the sales team takes an unassigned lead (or a head assigns one). */
    @Transactional
    public void assign(long id, long ownerId) {
        LeadView lead = locked(id);
        requireOpen(lead);
        jdbc.sql("update crm.lead set owner_id = :owner, version = version + 1 where id = :id")
                .param("owner", ownerId).param("id", id).update();
    }

    @Transactional
    public void qualify(long id, long actorId) {
        LeadView lead = locked(id);
        if (!"NEW".equals(lead.status())) {
            throw DomainException.conflict("lead-status", "crm.leads.not-new");
        }
        jdbc.sql("""
                update crm.lead set status = 'QUALIFIED', owner_id = coalesce(owner_id, :actor), version = version + 1
                 where id = :id""").param("actor", actorId).param("id", id).update();
    }

    @Transactional
    public void disqualify(long id, String reason, long actorId) {
        LeadView lead = locked(id);
        requireOpen(lead);
        String r = trim(reason, 1000, "reason");
        if (r == null) {
            throw DomainException.invalid("reason-required", "crm.leads.reason-required");
        }
        jdbc.sql("""
                update crm.lead set status = 'DISQUALIFIED', disqualify_reason = :reason,
                       owner_id = coalesce(owner_id, :actor), version = version + 1 where id = :id""")
                .param("reason", r).param("actor", actorId).param("id", id).update();
    }

    /**
     * Converts a qualified lead into a customer: a registration's company is linked, otherwise one is created
     * through the customers module; the lead's person becomes a contact; a first deal if asked. Returns the
     * company id.
     */
    @Transactional
    public long convert(long id, Conversion how, long actorId) {
        LeadView lead = locked(id);
        if (!"QUALIFIED".equals(lead.status())) {
            throw DomainException.conflict("lead-status", "crm.leads.not-qualified");
        }
        Long manager = how.accountManagerId() != null ? how.accountManagerId()
                : lead.ownerId() != null ? lead.ownerId() : actorId;
        long companyId;
        if (lead.companyId() != null) {
            companyId = lead.companyId();
        } else {
            companyId = customers.createCompany(lead.name(), manager);
        }
        long registrant = jdbc.sql("select coalesce(registered_user_id, 0) from crm.lead where id = :id")
                .param("id", id).query(Long.class).single();
        Long userId = registrant == 0 ? null : registrant;
        String person = lead.contactName() != null ? lead.contactName() : lead.name();
        jdbc.sql("""
                insert into crm.contact (company_id, full_name, dmu_role, phone, email, user_id, created_by,
                                         preferred_channel, notes)
                values (:company, :name, 'DECISION_MAKER', :phone, :email, :user, :actor,
                        case when cast(:phone as text) is not null then 'PHONE' when cast(:email as text) is not null then 'EMAIL' end, :notes)
                on conflict (company_id, user_id) do nothing
                """).param("company", companyId).param("name", person).param("phone", lead.phone())
                .param("email", lead.email()).param("user", userId).param("actor", actorId)
                .param("notes", lead.message()).update();
        jdbc.sql("""
                update crm.lead set status = 'CONVERTED', company_id = :company, converted_at = now(),
                       owner_id = coalesce(owner_id, :actor), version = version + 1 where id = :id""")
                .param("company", companyId).param("actor", actorId).param("id", id).update();
        jdbc.sql("update crm.deal set company_id = :company, version = version + 1 where lead_id = :id and company_id is null")
                .param("company", companyId).param("id", id).update();
        timeline.record(new Timeline.Entry(companyId, null, Instant.now(), "LEAD", "crm.timeline.lead.converted",
                List.of(lead.name(), person), "LEAD", id, actorId, "lead-converted:" + id));
        if (how.pipelineId() != null) {
            String title = how.dealTitle() == null || how.dealTitle().isBlank() ? lead.name() : how.dealTitle();
            deals.create(new Deals.DealInput(title, how.pipelineId(), null, companyId, id, how.dealAmount(), "RUB",
                    null, null, sourceOf(lead.source()), manager), actorId);
        }
        return companyId;
    }

    private static String sourceOf(String leadSource) {
        return switch (leadSource) {
            case "REGISTRATION" -> "PORTAL";
            case "WEB_FORM" -> "WEBSITE";
            default -> "OTHER";
        };
    }

    public Optional<LeadView> find(long id) {
        return jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(LeadView.class).optional();
    }

    /** The lead list: an account manager ({@code me}) sees theirs and the unassigned ones. */
    public List<LeadView> list(String status, Long me, int limit) {
        return jdbc.sql(SELECT + """
                 where (cast(:me as bigint) is null or l.owner_id = :me or l.owner_id is null)
                   and (cast(:status as text) is null or l.status = :status)
                 order by case l.status when 'NEW' then 0 when 'QUALIFIED' then 1 else 2 end, l.created_at desc, l.id desc
                 limit :limit""").param("me", me).param("status", status).param("limit", limit)
                .query(LeadView.class).list();
    }

    private static final String SELECT = """
            select l.id, l.source, l.company_name, l.inn, l.contact_name, l.phone, l.email, l.message, l.status,
                   l.disqualify_reason, l.owner_id, u.display_name as owner_name, l.company_id,
                   c.name as company_link_name, l.created_at, l.converted_at, l.version
              from crm.lead l
              left join platform.user_account u on u.id = l.owner_id
              left join customers.company c on c.id = l.company_id
            """;

    private LeadView locked(long id) {
        jdbc.sql("select id from crm.lead where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("lead", id));
        return find(id).orElseThrow();
    }

    private static void requireOpen(LeadView lead) {
        if (!lead.open()) {
            throw DomainException.conflict("lead-status", "crm.leads.closed");
        }
    }

    private static String trim(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.invalid("lead-too-long", "crm.leads.too-long", field, max);
        }
        return v;
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }
}
