package io.b2bportal.crm.analytics;

import io.b2bportal.crm.team.TestPipeline;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics' figures are the sums SQL gives over the same data; a manager sees their own row only. */
@PortalTest
class CrmAnalyticsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HEAD = Http.basic("head@demo.local", "demo");
    static final String MANAGER = Http.basic("manager@demo.local", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :e").param("e", email)
                .query(Long.class).single();
    }

    JsonNode report(String auth, String query) {
        HttpResponse<String> response = new Http(port).get("/api/v1/admin/crm/analytics" + query, auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode rowOf(JsonNode rows, long id) {
        for (JsonNode row : rows) {
            if (row.get("id").asLong() == id) {
                return row;
            }
        }
        throw new AssertionError("No row " + id + " in " + rows);
    }

    @Test
    void figuresEqualTheSumsOverTheSameData() {
        long manager = user("manager@demo.local");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long alpha = jdbc.sql("""
                select min(company_id) from customers.membership m join platform.user_account u on u.id = m.user_id
                 where u.email = 'buyer@alpha.demo'""").query(Long.class).single();
        // a deal won and one lost today, one open at 40 %
        deal(alpha, manager, "WON", "1000.00", tag);
        deal(alpha, manager, "LOST", "300.00", tag);
        deal(alpha, manager, "OPEN", "555.55", tag);

        LocalDate from = LocalDate.now().minusDays(60);
        LocalDate to = LocalDate.now().plusDays(1);
        JsonNode report = report(HEAD, "?from=" + from + "&to=" + to);
        assertThat(report.get("period").get("from").asString()).isEqualTo(from.toString());
        JsonNode row = rowOf(report.get("managers"), manager);
        String start = from + " 00:00 Europe/Moscow";
        String end = to.plusDays(1) + " 00:00 Europe/Moscow";

        BigDecimal sales = jdbc.sql("""
                select coalesce(sum(o.total_gross), 0) from ordering.orders o
                  join customers.company c on c.id = o.company_id
                 where c.account_manager_id = :m and o.currency = 'RUB'
                   and o.status not in ('CANCELLED', 'AWAITING_APPROVAL')
                   and o.created_at >= cast(:start as timestamptz) and o.created_at < cast(:end as timestamptz)""")
                .param("m", manager).param("start", start).param("end", end).query(BigDecimal.class).single();
        assertThat(row.get("sales").decimalValue()).isEqualByComparingTo(sales);
        assertThat(sales).isPositive();

        record Deals(BigDecimal open, BigDecimal weighted, long won, BigDecimal wonAmount, long lost,
                BigDecimal lostAmount) {
        }
        Deals deals = jdbc.sql("""
                select coalesce(sum(x.amount) filter (where x.closed_at is null), 0) as open,
                       round(coalesce(sum(x.amount * x.probability / 100.0) filter (where x.closed_at is null), 0), 2)
                           as weighted,
                       count(*) filter (where s.outcome = 'WON' and x.closed_at >= cast(:start as timestamptz)
                                        and x.closed_at < cast(:end as timestamptz)) as won,
                       coalesce(sum(x.amount) filter (where s.outcome = 'WON' and x.closed_at >= cast(:start as timestamptz)
                                        and x.closed_at < cast(:end as timestamptz)), 0) as won_amount,
                       count(*) filter (where s.outcome = 'LOST' and x.closed_at >= cast(:start as timestamptz)
                                        and x.closed_at < cast(:end as timestamptz)) as lost,
                       coalesce(sum(x.amount) filter (where s.outcome = 'LOST' and x.closed_at >= cast(:start as timestamptz)
                                        and x.closed_at < cast(:end as timestamptz)), 0) as lost_amount
                  from crm.deal x join crm.pipeline_stage s on s.id = x.stage_id where x.owner_id = :m""")
                .param("m", manager).param("start", start).param("end", end).query(Deals.class).single();
        assertThat(row.get("openAmount").decimalValue()).isEqualByComparingTo(deals.open());
        assertThat(row.get("weightedAmount").decimalValue()).isEqualByComparingTo(deals.weighted());
        assertThat(row.get("won").asLong()).isEqualTo(deals.won()).isPositive();
        assertThat(row.get("wonAmount").decimalValue()).isEqualByComparingTo(deals.wonAmount());
        assertThat(row.get("lost").asLong()).isEqualTo(deals.lost()).isPositive();
        assertThat(row.get("lostAmount").decimalValue()).isEqualByComparingTo(deals.lostAmount());

        assertThat(row.get("overdueNow").asLong()).isEqualTo(jdbc.sql("""
                select count(*) from crm.activity where assignee_id = :m and status = 'OPEN' and due_at < now()""")
                .param("m", manager).query(Long.class).single());

        record Rated(long deliveryAnswers, BigDecimal deliveryAverage, long promoters, long detractors, long npsAnswers) {
        }
        Rated rated = jdbc.sql("""
                select count(*) filter (where r.source = 'DELIVERY') as delivery_answers,
                       round(avg(r.score) filter (where r.source = 'DELIVERY'), 1) as delivery_average,
                       count(*) filter (where r.source = 'NPS' and r.score >= 9) as promoters,
                       count(*) filter (where r.source = 'NPS' and r.score <= 6) as detractors,
                       count(*) filter (where r.source = 'NPS') as nps_answers
                  from crm.satisfaction_response r join customers.company c on c.id = r.company_id
                 where c.account_manager_id = :m and r.answered_at >= cast(:start as timestamptz)
                   and r.answered_at < cast(:end as timestamptz)""")
                .param("m", manager).param("start", start).param("end", end).query(Rated.class).single();
        assertThat(row.get("deliveryAnswers").asLong()).isEqualTo(rated.deliveryAnswers()).isPositive();
        assertThat(row.get("deliveryAverage").decimalValue()).isEqualByComparingTo(rated.deliveryAverage());
        assertThat(row.get("npsAnswers").asLong()).isEqualTo(rated.npsAnswers()).isPositive();
        BigDecimal nps = BigDecimal.valueOf((rated.promoters() - rated.detractors()) * 100)
                .divide(BigDecimal.valueOf(rated.npsAnswers()), 1, java.math.RoundingMode.HALF_UP);
        assertThat(row.get("nps").decimalValue()).isEqualByComparingTo(nps);

        // the department of the demo adds up its members; the total adds up everybody
        JsonNode total = report.get("total");
        BigDecimal allSales = BigDecimal.ZERO;
        for (JsonNode r : report.get("managers")) {
            allSales = allSales.add(r.get("sales").decimalValue());
        }
        assertThat(total.get("sales").decimalValue()).isEqualByComparingTo(allSales);
        JsonNode moscow = null;
        for (JsonNode d : report.get("departments")) {
            if (d.get("name").asString().equals("Продажи — Москва")) {
                moscow = d;
            }
        }
        assertThat(moscow).isNotNull();
        BigDecimal moscowSales = rowOf(report.get("managers"), manager).get("sales").decimalValue()
                .add(rowOf(report.get("managers"), user("head@demo.local")).get("sales").decimalValue());
        assertThat(moscow.get("sales").decimalValue()).isEqualByComparingTo(moscowSales);
    }

    @Test
    void aManagerSeesTheirOwnRowOnly() {
        JsonNode report = report(MANAGER, "");
        assertThat(report.get("managers").findValuesAsString("name")).hasSize(1);
        assertThat(report.get("managers").get(0).get("id").asLong()).isEqualTo(user("manager@demo.local"));
        assertThat(report.get("departments")).isEmpty();
        assertThat(report.get("total").isNull()).isTrue();
        assertThat(report(HEAD, "").get("managers").size()).isGreaterThan(1);

        HttpResponse<String> page = new WebSession(port).login("manager@demo.local", "demo").get("/admin/crm/analytics");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"analytics\"").doesNotContain("data-kind=\"TOTAL\"")
                .doesNotContain("data-kind=\"DEPARTMENT\"");
    }

    @Test
    void refusesABadPeriodAndCustomers() {
        Http http = new Http(port);
        assertThat(http.get("/api/v1/admin/crm/analytics?from=2026-11-10&to=2026-11-01", HEAD).statusCode())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/admin/crm/analytics?from=2024-01-01&to=2026-01-01", HEAD).statusCode())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/admin/crm/analytics?from=abc", HEAD).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/admin/crm/analytics", Http.basic("buyer@alpha.demo", "demo")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> page = new WebSession(port).login("admin@alpha.demo", "demo").get("/admin/crm/analytics");
        assertThat(page.statusCode()).isIn(302, 403);
        assertThat(page.body()).doesNotContain("data-testid=\"analytics\"");
    }

    private void deal(long company, long owner, String outcome, String amount, String tag) {
        jdbc.sql("""
                        insert into crm.deal (pipeline_id, stage_id, company_id, title, amount, probability, owner_id,
                                              closed_at)
                        select s.pipeline_id, s.id, :company, :title, :amount, s.probability, :owner,
                               case when s.outcome <> 'OPEN' then now() end
                          from crm.pipeline_stage s where s.id = :stage""")
                .param("company", company).param("title", outcome + " " + tag).param("amount", new BigDecimal(amount))
                .param("owner", owner).param("stage", TestPipeline.stage(jdbc, outcome)).update();
    }
}
