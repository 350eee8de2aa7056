package io.b2bportal.crm.contact;

import io.b2bportal.shared.DomainException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's people: who they are, their role in the decision (decision-making unit), how to reach them, and
 * whether they are a portal user of the client. Archived contacts stay (deals refer to them) but leave the lists.
 */
@Service
public class Contacts {

    public static final List<String> ROLES = List.of("SPONSOR", "DECISION_MAKER", "INFLUENCER", "SPECIALIST", "USER");
    public static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "MESSENGER", "MEETING");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{5,40}$");

    /** What a person types about a contact; blank texts mean "none". */
    public record ContactForm(String fullName, String position, String dmuRole, String phone, String email,
            String preferredChannel, String notes, Long userId) {

        public static ContactForm empty() {
            return new ContactForm("", "", "DECISION_MAKER", "", "", "", "", null);
        }
    }

    /** A contact as the card and the API show it. */
    public record Contact(long id, long companyId, String fullName, String position, String dmuRole, String phone,
            String email, String preferredChannel, String notes, Long userId, String userEmail, boolean archived,
            Instant createdAt) {

        public ContactForm form() {
            return new ContactForm(fullName, position, dmuRole, phone, email, preferredChannel, notes, userId);
        }
    }

    /** Input that breaks the rules: field → message key, in the order of the form (400 in the API). */
    public static final class Invalid extends DomainException {

        private final transient Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super(400, "invalid-contact", errors.values().iterator().next());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Contact> list(long companyId, boolean withArchived) {
        return jdbc.sql(SELECT + " where c.company_id = :company and (:all or not c.archived) order by c.archived, "
                        + "array_position(array['SPONSOR','DECISION_MAKER','INFLUENCER','SPECIALIST','USER'], c.dmu_role), "
                        + "c.full_name, c.id")
                .param("company", companyId).param("all", withArchived).query(Contacts::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> find(long contactId) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", contactId).query(Contacts::row).optional();
    }

    @Transactional
    public long create(long companyId, ContactForm form, Long actorId) {
        ContactForm clean = check(companyId, null, form);
        return jdbc.sql("""
                        insert into crm.contact (company_id, full_name, position, dmu_role, phone, email,
                                                 preferred_channel, notes, user_id, created_by)
                        values (:company, :name, :position, :role, :phone, :email, :channel, :notes, :user, :by)
                        returning id""")
                .param("company", companyId).param("name", clean.fullName()).param("position", clean.position())
                .param("role", clean.dmuRole()).param("phone", clean.phone()).param("email", clean.email())
                .param("channel", clean.preferredChannel()).param("notes", clean.notes())
                .param("user", clean.userId()).param("by", actorId).query(Long.class).single();
    }

    @Transactional
    public void update(long contactId, ContactForm form) {
        Contact contact = find(contactId).orElseThrow(() -> DomainException.notFound("contact", contactId));
        ContactForm clean = check(contact.companyId(), contactId, form);
        jdbc.sql("""
                        update crm.contact set full_name = :name, position = :position, dmu_role = :role,
                               phone = :phone, email = :email, preferred_channel = :channel, notes = :notes,
                               user_id = :user
                         where id = :id""")
                .param("name", clean.fullName()).param("position", clean.position()).param("role", clean.dmuRole())
                .param("phone", clean.phone()).param("email", clean.email())
                .param("channel", clean.preferredChannel()).param("notes", clean.notes())
                .param("user", clean.userId()).param("id", contactId).update();
    }

    /** Archives (or brings back) a contact; a portal user link is kept. */
    @Transactional
    public void archive(long contactId, boolean archived) {
        jdbc.sql("update crm.contact set archived = :archived where id = :id").param("archived", archived)
                .param("id", contactId).update();
    }

    /** The portal users of the company a contact may be linked to: id → "Name <email>". */
    @Transactional(readOnly = true)
    public Map<Long, String> linkableUsers(long companyId) {
        Map<Long, String> users = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.id, u.display_name || ' <' || u.email || '>' as label
                          from customers.membership m join platform.user_account u on u.id = m.user_id
                         where m.company_id = :company order by u.display_name, u.id""")
                .param("company", companyId)
                .query((rs, n) -> users.put(rs.getLong("id"), rs.getString("label"))).list();
        return users;
    }

    /** The form with blanks as nulls and texts stripped, or {@link Invalid} with every broken field. */
    ContactForm check(long companyId, Long contactId, ContactForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(form.fullName());
        if (name == null) {
            errors.put("fullName", "crm.clients.contact.error.name-required");
        } else if (name.length() > 200) {
            errors.put("fullName", "crm.clients.contact.error.name-long");
        }
        String position = text(form.position());
        if (position != null && position.length() > 200) {
            errors.put("position", "crm.clients.contact.error.position-long");
        }
        String role = text(form.dmuRole());
        if (role == null || !ROLES.contains(role)) {
            errors.put("dmuRole", "crm.clients.contact.error.role");
        }
        String phone = text(form.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.put("phone", "crm.clients.contact.error.phone");
        }
        String email = text(form.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.put("email", "crm.clients.contact.error.email");
        }
        String channel = text(form.preferredChannel());
        if (channel != null && !CHANNELS.contains(channel)) {
            errors.put("preferredChannel", "crm.clients.contact.error.channel");
        }
        if (channel != null && Set.of("PHONE").contains(channel) && phone == null) {
            errors.putIfAbsent("phone", "crm.clients.contact.error.phone-for-channel");
        }
        if (channel != null && "EMAIL".equals(channel) && email == null) {
            errors.putIfAbsent("email", "crm.clients.contact.error.email-for-channel");
        }
        String notes = text(form.notes());
        if (notes != null && notes.length() > 4000) {
            errors.put("notes", "crm.clients.contact.error.notes-long");
        }
        Long user = form.userId();
        if (user != null) {
            boolean member = jdbc.sql("""
                            select exists (select 1 from customers.membership where company_id = :company and user_id = :user)""")
                    .param("company", companyId).param("user", user).query(Boolean.class).single();
            if (!member) {
                errors.put("userId", "crm.clients.contact.error.user-not-member");
            } else if (jdbc.sql("""
                            select exists (select 1 from crm.contact where company_id = :company and user_id = :user
                                              and id <> coalesce(cast(:id as bigint), -1))""")
                    .param("company", companyId).param("user", user).param("id", contactId).query(Boolean.class)
                    .single()) {
                errors.put("userId", "crm.clients.contact.error.user-linked");
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new ContactForm(name, position, role, phone, email == null ? null : email.toLowerCase(java.util.Locale.ROOT),
                channel, notes, user);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final String SELECT = """
            select c.id, c.company_id, c.full_name, c.position, c.dmu_role, c.phone, c.email, c.preferred_channel,
                   c.notes, c.user_id, u.email as user_email, c.archived, c.created_at
              from crm.contact c left join platform.user_account u on u.id = c.user_id""";

    private static Contact row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Contact(rs.getLong("id"), rs.getLong("company_id"), rs.getString("full_name"),
                rs.getString("position"), rs.getString("dmu_role"), rs.getString("phone"), rs.getString("email"),
                rs.getString("preferred_channel"), rs.getString("notes"), (Long) rs.getObject("user_id"),
                rs.getString("user_email"), rs.getBoolean("archived"), created == null ? null : created.toInstant());
    }
}
