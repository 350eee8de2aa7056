package io.b2bportal.crm.demo;

import io.b2bportal.platform.DemoData;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo sales team and what customers said: two departments («Продажи — Москва» headed by the sales head with
 * manager@demo.local, «Региональные продажи» with manager2@demo.local), delivery ratings of the demo clients' orders
 * and NPS answers of their people, written directly as answers (the seeding is one transaction; the surveys'
 * listeners would only run after its commit).
 */
@Component
class TeamDemoData implements DemoData {

    private final JdbcClient jdbc;

    TeamDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 945;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long head = seeding.accountId("head@demo.local");
        long manager = seeding.accountId("manager@demo.local");
        long manager2 = seeding.accountId("manager2@demo.local");
        long moscow = department("Продажи — Москва", head);
        long regions = department("Региональные продажи", null);
        member(head, moscow);
        member(manager, moscow);
        member(manager2, regions);

        // delivery ratings: score, comment, days ago, per company of the given user
        rate("buyer@alpha.demo", 5, "Всё вовремя, водитель помог с разгрузкой", 3);
        rate("buyer@alpha.demo", 4, null, 12);
        rate("buyer@alpha.demo", 3, "Привезли на день позже обещанного", 40);
        rate("buyer@beta.demo", 5, null, 6);
        rate("buyer@beta.demo", 2, "Повреждена упаковка двух коробок", 20);
        rate("buyer@gamma.demo", 4, "Хорошо", 9);

        nps("admin@alpha.demo", 9, "Удобно заказывать через портал", 5);
        nps("approver@alpha.demo", 7, null, 15);
        nps("buyer@beta.demo", 10, "Рекомендуем партнёрам", 8);
        nps("buyer@gamma.demo", 5, "Хотелось бы больше ассортимента", 2);
    }

    private long department(String name, Long head) {
        return jdbc.sql("insert into crm.department (name, head_id) values (:name, :head) returning id")
                .param("name", name).param("head", head).query(Long.class).single();
    }

    private void member(long user, long department) {
        jdbc.sql("insert into crm.department_member (user_id, department_id) values (:user, :department)")
                .param("user", user).param("department", department).update();
    }

    private void rate(String email, int score, String comment, int daysAgo) {
        answer("DELIVERY", email, score, comment, daysAgo);
    }

    private void nps(String email, int score, String comment, int daysAgo) {
        answer("NPS", email, score, comment, daysAgo);
    }

    /** An answer of a demo user for their company; a delivery rating names one of the company's orders, if any. */
    private void answer(String source, String email, int score, String comment, int daysAgo) {
        List<Long> found = jdbc.sql("""
                        insert into crm.satisfaction_response (source, company_id, user_id, subject, score, comment,
                                                               answered_at)
                        select :source, m.company_id, u.id,
                               case when :source = 'DELIVERY' then
                                   (select o.number from ordering.orders o where o.company_id = m.company_id
                                     order by o.id offset :offset limit 1) end,
                               :score, :comment, now() - make_interval(days => :days)
                          from platform.user_account u
                          join customers.membership m on m.user_id = u.id
                         where u.email = :email
                         order by m.company_id limit 1
                        returning id""")
                .param("source", source).param("email", email).param("score", score).param("comment", comment)
                .param("days", daysAgo).param("offset", daysAgo % 3).query(Long.class).list();
        if (found.isEmpty()) {
            throw new IllegalStateException("No demo customer " + email);
        }
    }
}
