package io.b2bportal.platform;

import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The append-only audit trail of sensitive actions (viewing as a customer, acting on behalf, overrides). */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit entry, as the back office lists it. */
    public record Entry(long id, OffsetDateTime at, long actorId, String actorName, String action, Long companyId,
            String subject, String ip) {
    }

    public void record(long actorId, String action, Long companyId, String subject, String ip) {
        jdbc.sql("""
                        insert into platform.audit_log (actor_id, action, company_id, subject, request_id, ip)
                        values (:actor, :action, :company, :subject, :requestId, :ip)""")
                .param("actor", actorId).param("action", action).param("company", companyId)
                .param("subject", subject == null || subject.length() <= 500 ? subject : subject.substring(0, 500))
                .param("requestId", MDC.get("requestId")).param("ip", ip)
                .update();
    }

    /**
     * The customer a member of staff acted for: a company and one of its legal entities, and the customer's user
     * concerned by the action, if any (e.g. who placed the order that was changed).
     */
    public record Customer(long companyId, long legalEntityId, Long customerUserId) {
    }

    /** An entry of a staff member acting on a customer's behalf: both identities, as the CRM lists them. */
    public record OnBehalfEntry(long id, OffsetDateTime at, long actorId, String actorName, String action,
            long companyId, long legalEntityId, Long customerUserId, String customerUserName, String subject,
            String ip) {
    }

    /** An entry naming both identities: the staff member ({@code actorId}) and the customer they acted for. */
    public void record(long actorId, String action, Customer customer, String subject, String ip) {
        jdbc.sql("""
                        insert into platform.audit_log (actor_id, action, company_id, legal_entity_id, customer_user_id,
                                                        subject, request_id, ip)
                        values (:actor, :action, :company, :entity, :customerUser, :subject, :requestId, :ip)""")
                .param("actor", actorId).param("action", action).param("company", customer.companyId())
                .param("entity", customer.legalEntityId()).param("customerUser", customer.customerUserId())
                .param("subject", subject == null || subject.length() <= 500 ? subject : subject.substring(0, 500))
                .param("requestId", MDC.get("requestId")).param("ip", ip)
                .update();
    }

    /** The entries of staff acting on this company's behalf, newest first. */
    public List<OnBehalfEntry> onBehalfOf(long companyId, int limit) {
        return jdbc.sql("""
                        select a.id, a.at, a.actor_id, u.display_name as actor_name, a.action, a.company_id,
                               a.legal_entity_id, a.customer_user_id, c.display_name as customer_user_name, a.subject,
                               a.ip
                          from platform.audit_log a join platform.user_account u on u.id = a.actor_id
                          left join platform.user_account c on c.id = a.customer_user_id
                         where a.company_id = :company and a.legal_entity_id is not null
                         order by a.at desc, a.id desc limit :limit""")
                .param("company", companyId).param("limit", limit).query(OnBehalfEntry.class).list();
    }

    public List<Entry> ofCompany(long companyId, int limit) {
        return jdbc.sql("""
                        select a.id, a.at, a.actor_id, u.display_name as actor_name, a.action, a.company_id, a.subject,
                               a.ip
                          from platform.audit_log a join platform.user_account u on u.id = a.actor_id
                         where a.company_id = :company order by a.at desc, a.id desc limit :limit""")
                .param("company", companyId).param("limit", limit).query(Entry.class).list();
    }
}
