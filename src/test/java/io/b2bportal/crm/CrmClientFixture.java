package io.b2bportal.crm;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lookups of the CRM client tests: demo companies and what their timeline holds. */
final class CrmClientFixture {

    private CrmClientFixture() {
    }

    static long company(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from customers.company where name = :name order by id limit 1").param("name", name)
                .query(Long.class).single();
    }

    static List<String> kinds(JdbcClient jdbc, long companyId) {
        return jdbc.sql("select distinct kind from crm.timeline_entry where company_id = :id").param("id", companyId)
                .query(String.class).list();
    }

    static long user(JdbcClient jdbc, String email) {
        return jdbc.sql("select id from platform.user_account where email = :email").param("email", email)
                .query(Long.class).single();
    }
}
