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

    public List<Entry> ofCompany(long companyId, int limit) {
        return jdbc.sql("""
                        select a.id, a.at, a.actor_id, u.display_name as actor_name, a.action, a.company_id, a.subject,
                               a.ip
                          from platform.audit_log a join platform.user_account u on u.id = a.actor_id
                         where a.company_id = :company order by a.at desc, a.id desc limit :limit""")
                .param("company", companyId).param("limit", limit).query(Entry.class).list();
    }
}
