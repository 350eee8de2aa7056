package io.b2bportal.crm;

import io.b2bportal.crm.activity.ActivityReminders;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.crm.TasksFixture.ADMIN;
import static io.b2bportal.crm.TasksFixture.BUYER;
import static io.b2bportal.crm.TasksFixture.HEAD;
import static io.b2bportal.crm.TasksFixture.MANAGER;
import static io.b2bportal.crm.TasksFixture.MANAGER2;
import static io.b2bportal.crm.TasksFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities over the API and pages: create, edit, complete with an outcome, cancel; bad input refused with its
 * reason; the manager's day grouped by the Moscow date; reminders sent once however many runs race; who sees what.
 */
@PortalTest
class CrmActivitiesTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformApi platform;
    @Autowired
    OrderingApi ordering;
    @Autowired
    ActivityReminders reminders;

    TasksFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TasksFixture(jdbc, platform, ordering, new Http(port));
    }

    private JsonNode create(String authorization, String json) {
        return json(fixture.send("POST", "/api/v1/admin/crm/activities", authorization, json), 201);
    }

    private static String problem(HttpResponse<String> response, int status) {
        JsonNode body = json(response, status);
        String type = body.get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void anActivityIsCreatedEditedCompletedAndShowsOnItsPage() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        JsonNode call = create(MANAGER, """
                {"type": "CALL", "companyId": %d, "subject": "  Обсудить поставку  ", "details": "Цены на 2027",
                 "dueAt": "2026-12-01T10:30", "remindAt": "2026-12-01T10:00"}""".formatted(client.companyId()));
        long id = call.get("id").asLong();
        assertThat(call.get("subject").asString()).isEqualTo("Обсудить поставку");
        assertThat(call.get("status").asString()).isEqualTo("OPEN");
        assertThat(call.get("assigneeId").asLong()).isEqualTo(fixture.user("manager@demo.local"));
        // typed in Moscow time, answered in Moscow time
        assertThat(call.get("dueAt").asString()).startsWith("2026-12-01T10:30:00+03:00");
        assertThat(jdbc.sql("select due_at = timestamptz '2026-12-01 07:30:00+00' from crm.activity where id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        // on the client's timeline
        assertThat(jdbc.sql("select count(*) from crm.timeline_entry where dedupe_key = :k")
                .param("k", "activity:" + id).query(Long.class).single()).isEqualTo(1);

        JsonNode edited = json(fixture.send("PUT", "/api/v1/admin/crm/activities/" + id, MANAGER, """
                {"type": "MEETING", "subject": "Встреча о поставке", "dueAt": "2026-12-02T15:00:00+03:00"}"""), 200);
        assertThat(edited.get("type").asString()).isEqualTo("MEETING");
        assertThat(edited.get("dueAt").asString()).startsWith("2026-12-02T15:00");
        assertThat(edited.get("remindAt").isNull()).isTrue();

        JsonNode done = json(fixture.send("POST", "/api/v1/admin/crm/activities/" + id + "/complete", MANAGER,
                "{\"outcome\": \"Договорились о цене\"}"), 200);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("outcome").asString()).isEqualTo("Договорились о цене");
        // done is done: neither completed nor cancelled again
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities/" + id + "/cancel", MANAGER, null), 409))
                .isEqualTo("activity-not-open");

        long task = create(MANAGER, "{\"type\": \"TASK\", \"companyId\": %d, \"subject\": \"Выставить счёт\"}"
                .formatted(client.companyId())).get("id").asLong();
        assertThat(json(fixture.send("POST", "/api/v1/admin/crm/activities/" + task + "/cancel", MANAGER, null), 200)
                .get("status").asString()).isEqualTo("CANCELLED");

        JsonNode list = json(fixture.get("/api/v1/admin/crm/activities?companyId=" + client.companyId(), MANAGER), 200);
        assertThat(StreamSupport.stream(list.spliterator(), false).map(a -> a.get("id").asLong()))
                .containsExactlyInAnyOrder(id, task);

        WebSession page = new WebSession(port).login("manager@demo.local", "demo");
        HttpResponse<String> view = page.get("/admin/crm/activities/" + id + "?lang=en");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("Встреча о поставке").contains("Договорились о цене")
                .contains("02.12.2026 15:00");
        HttpResponse<String> form = page.get("/admin/crm/activities/new?companyId=" + client.companyId() + "&lang=en");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(client.name()).contains("data-testid=\"activity-form\"");
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        TasksFixture.Customer client = fixture.customer("manager@demo.local");
        String company = "\"companyId\": " + client.companyId();
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities", MANAGER,
                "{\"type\": \"CALL\", " + company + ", \"subject\": \"   \"}"), 422)).isEqualTo("subject-required");
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities", MANAGER,
                "{\"type\": \"CALL\", " + company + ", \"subject\": \"Звонок\", \"dueAt\": \"завтра\"}"), 422))
                .isEqualTo("due-format");
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities", MANAGER,
                "{\"type\": \"LUNCH\", " + company + ", \"subject\": \"Обед\"}"), 422)).isEqualTo("activity-type");
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities", HEAD,
                "{\"type\": \"CALL\", " + company + ", \"subject\": \"Звонок\", \"assigneeId\": 987654321}"), 422))
                .isEqualTo("unknown-assignee");
        // a customer user is not someone a task goes to
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities", HEAD,
                "{\"type\": \"CALL\", " + company + ", \"subject\": \"Звонок\", \"assigneeId\": " + client.adminId()
                        + "}"), 422)).isEqualTo("unknown-assignee");
        // an account manager assigns to themselves only
        assertThat(problem(fixture.send("POST", "/api/v1/admin/crm/activities", MANAGER,
                "{\"type\": \"CALL\", " + company + ", \"subject\": \"Звонок\", \"assigneeId\": "
                        + fixture.user("manager2@demo.local") + "}"), 422)).isEqualTo("assignee-not-allowed");
        assertThat(jdbc.sql("select count(*) from crm.activity where company_id = :c").param("c", client.companyId())
                .query(Long.class).single()).isZero();
        // the head assigns to anyone in the CRM
        assertThat(create(HEAD, "{\"type\": \"CALL\", " + company + ", \"subject\": \"Звонок\", \"assigneeId\": "
                + fixture.user("manager@demo.local") + "}").get("assigneeName").asString()).isNotBlank();

        WebSession page = new WebSession(port).login("manager@demo.local", "demo");
        String token = WebSession.csrfToken(page.get("/admin/crm/activities/new?lang=en").body());
        HttpResponse<String> refused = page.post("/admin/crm/activities?lang=en", "type=CALL&subject=&companyId="
                + client.companyId() + "&_csrf=" + token, null);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"refused\"").contains("Enter a subject");
    }

    @Test
    void myDayGroupsOpenActivitiesByTheMoscowDate() {
        TasksFixture.Customer client = fixture.customer("manager2@demo.local");
        LocalDate today = LocalDate.now(MOSCOW);
        String company = "\"companyId\": " + client.companyId();
        long overdue = create(MANAGER2, "{\"type\": \"CALL\", " + company + ", \"subject\": \"Просрочено\", \"dueAt\": \""
                + today.minusDays(1) + "T12:00\"}").get("id").asLong();
        long early = create(MANAGER2, "{\"type\": \"TASK\", " + company + ", \"subject\": \"Сегодня рано\", \"dueAt\": \""
                + today + "T00:00\"}").get("id").asLong();
        long late = create(MANAGER2, "{\"type\": \"TASK\", " + company + ", \"subject\": \"Сегодня поздно\", \"dueAt\": \""
                + today + "T23:59\"}").get("id").asLong();
        long soon = create(MANAGER2, "{\"type\": \"MEETING\", " + company + ", \"subject\": \"Через неделю\", \"dueAt\": \""
                + today.plusDays(7) + "T18:00\"}").get("id").asLong();
        long far = create(MANAGER2, "{\"type\": \"CALL\", " + company + ", \"subject\": \"Через 8 дней\", \"dueAt\": \""
                + today.plusDays(8) + "T09:00\"}").get("id").asLong();
        long done = create(MANAGER2, "{\"type\": \"CALL\", " + company + ", \"subject\": \"Сделано\", \"dueAt\": \""
                + today + "T10:00\"}").get("id").asLong();
        json(fixture.send("POST", "/api/v1/admin/crm/activities/" + done + "/complete", MANAGER2, "{}"), 200);
        long note = create(MANAGER2, "{\"type\": \"NOTE\", " + company + ", \"subject\": \"Заметка\"}").get("id").asLong();

        JsonNode day = json(fixture.get("/api/v1/admin/crm/my-day", MANAGER2), 200);
        assertThat(ids(day.get("overdue"))).contains(overdue).doesNotContain(early, late, soon, far, done, note);
        assertThat(ids(day.get("today"))).contains(early, late).doesNotContain(overdue, soon, far, done, note);
        assertThat(ids(day.get("upcoming"))).contains(soon).doesNotContain(overdue, early, late, far, done, note);

        // the head looks at manager2's day; manager cannot
        JsonNode byHead = json(fixture.get("/api/v1/admin/crm/my-day?userId=" + fixture.user("manager2@demo.local"),
                HEAD), 200);
        assertThat(ids(byHead.get("overdue"))).contains(overdue);
        assertThat(fixture.get("/api/v1/admin/crm/my-day?userId=" + fixture.user("manager2@demo.local"), MANAGER)
                .statusCode()).isEqualTo(404);

        WebSession page = new WebSession(port).login("manager2@demo.local", "demo");
        HttpResponse<String> html = page.get("/admin/crm/my-day?lang=en");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("data-testid=\"day-overdue\"").contains("Просрочено").contains("Сегодня поздно")
                .contains("Через неделю").doesNotContain("Через 8 дней");
        assertThat(new WebSession(port).login("manager@demo.local", "demo").get("/admin/crm").headers()
                .firstValue("Location").orElse("")).endsWith("/admin/crm/my-day");
    }

    private static List<Long> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(a -> a.get("id").asLong()).toList();
    }

    @Test
    void aReminderIsSentOnceByNotificationAndMailWhateverRunsRace() throws Exception {
        TasksFixture.Customer client = fixture.customer("manager2@demo.local");
        long id = create(MANAGER2, """
                {"type": "CALL", "companyId": %d, "subject": "Перезвонить по счёту", "dueAt": "2030-01-01T10:00",
                 "remindAt": "2020-01-01T09:00"}""".formatted(client.companyId())).get("id").asLong();
        long notYet = create(MANAGER2, """
                {"type": "CALL", "companyId": %d, "subject": "Не сейчас", "remindAt": "2030-01-01T09:00"}"""
                .formatted(client.companyId())).get("id").asLong();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return reminders.sendDue();
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();
        reminders.sendDue();

        long manager2 = fixture.user("manager2@demo.local");
        assertThat(jdbc.sql("select count(*) from platform.notification where user_id = :u and link = :link")
                .param("u", manager2).param("link", "/admin/crm/activities/" + id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from platform.mail_outbox where recipient = 'manager2@demo.local'
                   and kind = 'crm.activity.reminder' and body_text like :link""")
                .param("link", "%/admin/crm/activities/" + id + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform.notification where link = :link")
                .param("link", "/admin/crm/activities/" + notYet).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select reminded_at is not null from crm.activity where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aManagerSeesOnlyTheirOwnAndTheirClientsActivitiesAndCustomersNone() {
        TasksFixture.Customer mine = fixture.customer("manager@demo.local");
        long id = create(MANAGER, "{\"type\": \"CALL\", \"companyId\": %d, \"subject\": \"Секрет\"}"
                .formatted(mine.companyId())).get("id").asLong();

        assertThat(fixture.get("/api/v1/admin/crm/activities/" + id, MANAGER2).statusCode()).isEqualTo(404);
        assertThat(fixture.send("POST", "/api/v1/admin/crm/activities/" + id + "/complete", MANAGER2, "{}").statusCode())
                .isEqualTo(404);
        assertThat(fixture.send("PUT", "/api/v1/admin/crm/activities/" + id, MANAGER2,
                "{\"subject\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(fixture.get("/api/v1/admin/crm/activities?companyId=" + mine.companyId(), MANAGER2).statusCode())
                .isEqualTo(404);
        assertThat(fixture.send("POST", "/api/v1/admin/crm/activities", MANAGER2,
                "{\"type\": \"CALL\", \"companyId\": %d, \"subject\": \"Чужой\"}".formatted(mine.companyId()))
                .statusCode()).isEqualTo(404);
        JsonNode all = json(fixture.get("/api/v1/admin/crm/activities", MANAGER2), 200);
        assertThat(ids(all)).doesNotContain(id);
        assertThat(fixture.get("/api/v1/admin/crm/activities/" + id, HEAD).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/api/v1/admin/crm/activities/" + id, ADMIN).statusCode()).isEqualTo(200);

        for (String path : List.of("/api/v1/admin/crm/activities", "/api/v1/admin/crm/activities/" + id,
                "/api/v1/admin/crm/my-day", "/api/v1/admin/crm/rules", "/api/v1/admin/crm/rules/triggers",
                "/api/v1/admin/crm/rules/executions")) {
            assertThat(fixture.get(path, BUYER).statusCode()).as(path).isEqualTo(403);
        }
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        for (String path : List.of("/admin/crm/my-day", "/admin/crm/activities/" + id, "/admin/crm/activities/new",
                "/admin/crm/rules", "/admin/crm/rules/new", "/admin/crm/rules/log")) {
            HttpResponse<String> response = buyer.get(path);
            assertThat(response.statusCode()).as(path).isIn(302, 403);
            assertThat(response.body()).doesNotContain("Секрет");
        }
        WebSession other = new WebSession(port).login("manager2@demo.local", "demo");
        assertThat(other.get("/admin/crm/activities/" + id).statusCode()).isEqualTo(404);
    }
}
