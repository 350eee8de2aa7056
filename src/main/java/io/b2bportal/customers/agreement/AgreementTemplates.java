package io.b2bportal.customers.agreement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The published versions of the supply agreement; the highest is the current one. Versions never change. */
@Repository
public class AgreementTemplates {

    private final JdbcClient jdbc;

    AgreementTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published version with its text. */
    public record AgreementTemplate(int version, String title, String body, OffsetDateTime createdAt,
            String createdByName) {
    }

    /** A version in the list of versions, with how many legal entities have accepted it. */
    public record TemplateRow(int version, String title, OffsetDateTime createdAt, String createdByName,
            int documents, int acceptances) {
    }

    public Optional<AgreementTemplate> current() {
        return jdbc.sql("""
                        select t.version, t.title, t.body, t.created_at, u.display_name as created_by_name
                          from customers.agreement_template t
                          left join platform.user_account u on u.id = t.created_by
                         order by t.version desc limit 1""")
                .query(AgreementTemplate.class).optional();
    }

    public Optional<Integer> currentVersion() {
        return jdbc.sql("select version from customers.agreement_template order by version desc limit 1")
                .query(Integer.class).optional();
    }

    public Optional<AgreementTemplate> find(int version) {
        return jdbc.sql("""
                        select t.version, t.title, t.body, t.created_at, u.display_name as created_by_name
                          from customers.agreement_template t
                          left join platform.user_account u on u.id = t.created_by
                         where t.version = :version""")
                .param("version", version).query(AgreementTemplate.class).optional();
    }

    /** Newest first. */
    public List<TemplateRow> list() {
        return jdbc.sql("""
                        select t.version, t.title, t.created_at, u.display_name as created_by_name,
                               (select count(*) from customers.agreement_document d
                                 where d.template_version = t.version) as documents,
                               (select count(*) from customers.agreement_acceptance a
                                 where a.template_version = t.version) as acceptances
                          from customers.agreement_template t
                          left join platform.user_account u on u.id = t.created_by
                         order by t.version desc""")
                .query(TemplateRow.class).list();
    }

    /**
     * Publishes the next version (checked by the caller): from now on every legal entity has to accept it. The
     * table lock makes two publications at the same moment get consecutive versions instead of one failing.
     */
    @Transactional
    public int publish(String title, String body, long staffId) {
        jdbc.sql("lock table customers.agreement_template in share row exclusive mode").update();
        return jdbc.sql("""
                        insert into customers.agreement_template (version, title, body, created_by)
                        select coalesce(max(version), 0) + 1, :title, :body, :staff from customers.agreement_template
                        returning version""")
                .param("title", title).param("body", body).param("staff", staffId)
                .query(Integer.class).single();
    }
}
