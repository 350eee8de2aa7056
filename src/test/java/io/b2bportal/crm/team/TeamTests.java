package io.b2bportal.crm.team;

import io.b2bportal.crm.activity.Activities;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Departments and their members, the team's workload, and what moves when a client gets another manager. */
@PortalTest
class TeamTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HEAD = Http.basic("head@demo.local", "demo");
    static final String MANAGER = Http.basic("manager@demo.local", "demo");
    static final String MANAGER2 = Http.basic("manager2@demo.local", "demo");
    static final String BUYER = Http.basic("buyer@alpha.demo", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Activities activities;

    Http http() {
        return new Http(port);
    }

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :e").param("e", email)
                .query(Long.class).single();
    }

    long companyOf(String email) {
        return jdbc.sql("select min(company_id) from customers.membership where user_id = :u")
                .param("u", user(email)).query(Long.class).single();
    }

    HttpResponse<String> send(String method, String path, String auth, String json) {
        HttpRequest.Builder request = http().request(path).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http().send(request);
    }

    @Test
    void createsRenamesAndStaffsDepartmentsAndRefusesBadInput() {
        String name = "Отдел " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/v1/admin/crm/departments", HEAD,
                "{\"name\": \"" + name + "\", \"headId\": " + user("head@demo.local") + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode department = JSON.readTree(created.body());
        long id = department.get("id").asLong();
        assertThat(department.get("name").asString()).isEqualTo(name);
        assertThat(department.get("headName").asString()).isNotBlank();

        // a sub-department, then a rename
        HttpResponse<String> sub = send("POST", "/api/v1/admin/crm/departments", HEAD,
                "{\"name\": \"" + name + " / юг\", \"parentId\": " + id + "}");
        assertThat(sub.statusCode()).as(sub.body()).isEqualTo(201);
        long subId = JSON.readTree(sub.body()).get("id").asLong();
        HttpResponse<String> renamed = send("PUT", "/api/v1/admin/crm/departments/" + subId, HEAD,
                "{\"name\": \"" + name + " / юг-2\", \"parentId\": " + id + "}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).get("parentName").asString()).isEqualTo(name);

        // bad input
        HttpResponse<String> blank = send("POST", "/api/v1/admin/crm/departments", HEAD, "{\"name\": \"  \"}");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("validation");
        assertThat(send("POST", "/api/v1/admin/crm/departments", HEAD, "{\"name\": \"" + "x".repeat(121) + "\"}")
                .statusCode()).isEqualTo(422);
        assertThat(send("POST", "/api/v1/admin/crm/departments", HEAD, "{\"name\": \"x\", \"headId\": \"abc\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> duplicate = send("POST", "/api/v1/admin/crm/departments", HEAD,
                "{\"name\": \"" + name + "\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("department-exists");
        HttpResponse<String> customerHead = send("POST", "/api/v1/admin/crm/departments", HEAD,
                "{\"name\": \"" + name + "-b\", \"headId\": " + user("buyer@alpha.demo") + "}");
        assertThat(customerHead.statusCode()).isEqualTo(422);
        assertThat(customerHead.body()).contains("not-sales-staff");
        HttpResponse<String> cycle = send("PUT", "/api/v1/admin/crm/departments/" + id, HEAD,
                "{\"name\": \"" + name + "\", \"parentId\": " + subId + "}");
        assertThat(cycle.statusCode()).isEqualTo(422);
        assertThat(cycle.body()).contains("department-cycle");
        assertThat(send("PUT", "/api/v1/admin/crm/departments/99999999", HEAD, "{\"name\": \"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/admin/crm/departments", HEAD, "{\"name\": \"y\", \"parentId\": 99999999}")
                .statusCode()).isEqualTo(422);

        // a member is in one department at most: adding them elsewhere moves them
        long manager2 = user("manager2@demo.local");
        String previous = jdbc.sql("select cast(department_id as text) from crm.department_member where user_id = :u")
                .param("u", manager2).query(String.class).optional().orElse(null);
        try {
            assertThat(send("PUT", "/api/v1/admin/crm/departments/" + id + "/members/" + manager2, HEAD, null)
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> moved = send("PUT", "/api/v1/admin/crm/departments/" + subId + "/members/" + manager2,
                    HEAD, null);
            assertThat(JSON.readTree(moved.body()).findValuesAsString("email")).containsExactly("manager2@demo.local");
            assertThat(JSON.readTree(send("GET", "/api/v1/admin/crm/departments/" + id + "/members", HEAD, null)
                    .body()).findValuesAsString("email")).doesNotContain("manager2@demo.local");
            assertThat(send("PUT", "/api/v1/admin/crm/departments/" + id + "/members/" + user("buyer@alpha.demo"),
                    HEAD, null).statusCode()).isEqualTo(422);
        } finally {
            if (previous != null) {
                jdbc.sql("update crm.department_member set department_id = cast(:d as bigint) where user_id = :u")
                        .param("d", previous).param("u", manager2).update();
            }
        }

        // account managers read, never write
        assertThat(send("GET", "/api/v1/admin/crm/departments", MANAGER, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/admin/crm/departments", MANAGER, "{\"name\": \"Свой отдел\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/v1/admin/crm/departments/" + id, MANAGER, "{\"name\": \"Свой\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void demoTeamHasTwoDepartments() {
        JsonNode list = JSON.readTree(send("GET", "/api/v1/admin/crm/departments", HEAD, null).body());
        JsonNode moscow = null;
        JsonNode regions = null;
        for (JsonNode d : list) {
            if (d.get("name").asString().equals("Продажи — Москва")) {
                moscow = d;
            } else if (d.get("name").asString().equals("Региональные продажи")) {
                regions = d;
            }
        }
        assertThat(moscow).isNotNull();
        assertThat(regions).isNotNull();
        assertThat(moscow.get("headId").asLong()).isEqualTo(user("head@demo.local"));
        assertThat(moscow.get("members").findValuesAsString("email")).contains("manager@demo.local");
        assertThat(regions.get("members").findValuesAsString("email")).contains("manager2@demo.local");
    }

    @Test
    void reassigningAClientMovesItsOpenTasksAndDealsButNotDoneOnes() {
        long gamma = companyOf("buyer@gamma.demo");
        long manager = user("manager@demo.local");
        long manager2 = user("manager2@demo.local");
        assertThat(jdbc.sql("select account_manager_id from customers.company where id = :c").param("c", gamma)
                .query(Long.class).single()).isEqualTo(manager2);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long open = activities.create(new Activities.NewActivity(Activities.Type.CALL, gamma, null, null, null,
                "Позвонить " + tag, null, manager2, Instant.now().plus(1, ChronoUnit.DAYS), null, manager2, null, null))
                .orElseThrow();
        long overdue = activities.create(new Activities.NewActivity(Activities.Type.TASK, gamma, null, null, null,
                "Просрочено " + tag, null, manager2, Instant.now().minus(1, ChronoUnit.DAYS), null, manager2, null,
                null)).orElseThrow();
        long done = activities.create(new Activities.NewActivity(Activities.Type.CALL, gamma, null, null, null,
                "Сделано " + tag, null, manager2, null, null, manager2, null, null)).orElseThrow();
        activities.complete(done, "ok", manager2);
        long openDeal = deal(gamma, manager2, false, tag);
        long closedDeal = deal(gamma, manager2, true, tag);

        // the customers module's own assignment endpoint: the event moves the work in the same transaction
        long group = jdbc.sql("select coalesce(group_id, 0) from customers.company where id = :c").param("c", gamma)
                .query(Long.class).single();
        HttpResponse<String> assigned = send("PUT", "/api/v1/admin/customers/" + gamma + "/assignment", HEAD,
                "{\"groupId\": " + (group == 0 ? "null" : group) + ", \"accountManagerId\": " + manager + "}");
        try {
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            assertThat(assignee(open)).isEqualTo(manager);
            assertThat(assignee(overdue)).isEqualTo(manager);
            assertThat(assignee(done)).isEqualTo(manager2);
            assertThat(owner(openDeal)).isEqualTo(manager);
            assertThat(owner(closedDeal)).isEqualTo(manager2);
            assertThat(jdbc.sql("""
                    select count(*) from crm.timeline_entry where company_id = :c and event = 'crm.team.timeline.reassigned'
                    """).param("c", gamma).query(Long.class).single()).isPositive();

            // a manager may not move clients; a bad request moves nothing
            assertThat(send("POST", "/api/v1/admin/crm/reassignments", MANAGER,
                    "{\"fromManagerId\": " + manager + ", \"toManagerId\": " + manager2 + "}").statusCode())
                    .isEqualTo(403);
            assertThat(send("POST", "/api/v1/admin/crm/reassignments", HEAD,
                    "{\"fromManagerId\": " + manager + ", \"toManagerId\": " + manager + "}").statusCode())
                    .isEqualTo(422);
            HttpResponse<String> notTheirs = send("POST", "/api/v1/admin/crm/reassignments", HEAD,
                    "{\"fromManagerId\": " + manager2 + ", \"toManagerId\": " + manager + ", \"companyIds\": [" + gamma
                            + "]}");
            assertThat(notTheirs.statusCode()).isEqualTo(422);
            assertThat(notTheirs.body()).contains("not-their-client");
            HttpResponse<String> noFrom = send("POST", "/api/v1/admin/crm/reassignments", HEAD,
                    "{\"toManagerId\": " + manager + "}");
            assertThat(noFrom.statusCode()).isEqualTo(422);
            assertThat(noFrom.body()).contains("validation");
        } finally {
            // the bulk reassignment takes the chosen client back, with its open work
            HttpResponse<String> back = send("POST", "/api/v1/admin/crm/reassignments", HEAD,
                    "{\"fromManagerId\": " + manager + ", \"toManagerId\": " + manager2 + ", \"companyIds\": [" + gamma
                            + "]}");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            JsonNode result = JSON.readTree(back.body());
            assertThat(result.get("clients").asInt()).isEqualTo(1);
            assertThat(result.get("activities").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(result.get("deals").asInt()).isGreaterThanOrEqualTo(1);
        }
        assertThat(assignee(open)).isEqualTo(manager2);
        assertThat(owner(openDeal)).isEqualTo(manager2);
        assertThat(jdbc.sql("select account_manager_id from customers.company where id = :c").param("c", gamma)
                .query(Long.class).single()).isEqualTo(manager2);
    }

    @Test
    void managerSeesOwnWorkloadOnlyAndCustomersNothing() {
        JsonNode mine = JSON.readTree(send("GET", "/api/v1/admin/crm/team", MANAGER, null).body());
        assertThat(mine.findValuesAsString("email")).containsExactly("manager@demo.local");
        long manager = user("manager@demo.local");
        assertThat(mine.get(0).get("clients").asLong()).isEqualTo(jdbc.sql(
                "select count(*) from customers.company where account_manager_id = :m").param("m", manager)
                .query(Long.class).single());
        assertThat(mine.get(0).get("openTasks").asLong()).isEqualTo(jdbc.sql(
                "select count(*) from crm.activity where assignee_id = :m and status = 'OPEN'").param("m", manager)
                .query(Long.class).single());
        JsonNode all = JSON.readTree(send("GET", "/api/v1/admin/crm/team", HEAD, null).body());
        assertThat(all.findValuesAsString("email")).contains("manager@demo.local", "manager2@demo.local");

        for (String path : new String[] {"/api/v1/admin/crm/team", "/api/v1/admin/crm/departments"}) {
            assertThat(send("GET", path, BUYER, null).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(send("POST", "/api/v1/admin/crm/reassignments", BUYER, "{\"fromManagerId\": 1, \"toManagerId\": 2}")
                .statusCode()).isEqualTo(403);
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        HttpResponse<String> page = buyer.get("/admin/crm/team");
        assertThat(page.statusCode()).isIn(302, 403);
        assertThat(page.body()).doesNotContain("manager@demo.local");

        WebSession managerSession = new WebSession(port).login("manager@demo.local", "demo");
        HttpResponse<String> team = managerSession.get("/admin/crm/team");
        assertThat(team.statusCode()).isEqualTo(200);
        assertThat(team.body()).contains("Продажи — Москва").doesNotContain("data-testid=\"reassign\"")
                .doesNotContain("data-user=\"manager2@demo.local\"");
        HttpResponse<String> headPage = new WebSession(port).login("head@demo.local", "demo").get("/admin/crm/team");
        assertThat(headPage.body()).contains("data-testid=\"reassign\"").contains("data-user=\"manager2@demo.local\"");
    }

    @Test
    void theTeamPageSaysWhatWasWrongAndChangesNothing() {
        WebSession head = new WebSession(port).login("head@demo.local", "demo");
        String csrf = WebSession.csrfToken(head.get("/admin/crm/team").body());
        long before = jdbc.sql("select count(*) from crm.department").query(Long.class).single();
        HttpResponse<String> blank = head.post("/admin/crm/team/departments", "name=++&_csrf=" + csrf, null);
        assertThat(blank.statusCode()).isEqualTo(302);
        // the message is in the language of the request that failed (Russian: no Accept-Language, no cookie)
        assertThat(head.get("/admin/crm/team").body()).contains("data-testid=\"failed\"")
                .contains("Название отдела — от 1 до 120 символов.");
        long manager = user("manager@demo.local");
        head.post("/admin/crm/team/reassignments", "fromManagerId=" + manager + "&toManagerId=" + manager + "&_csrf="
                + csrf, null);
        assertThat(head.get("/admin/crm/team").body()).contains("Выберите двух разных менеджеров.");
        assertThat(jdbc.sql("select count(*) from crm.department").query(Long.class).single()).isEqualTo(before);

        // an account manager's post is refused
        WebSession managerSession = new WebSession(port).login("manager@demo.local", "demo");
        String managerCsrf = WebSession.csrfToken(managerSession.get("/admin/crm/team").body());
        HttpResponse<String> refused = managerSession.post("/admin/crm/team/departments",
                "name=Mine&_csrf=" + managerCsrf, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from crm.department").query(Long.class).single()).isEqualTo(before);
    }

    private long deal(long company, long owner, boolean closed, String tag) {
        return jdbc.sql("""
                        insert into crm.deal (pipeline_id, stage_id, company_id, title, amount, probability, owner_id,
                                              closed_at)
                        select s.pipeline_id, s.id, :company, :title, :amount, s.probability, :owner,
                               case when :closed then now() end
                          from crm.pipeline_stage s where s.id = :stage
                        returning id""")
                .param("stage", TestPipeline.stage(jdbc, closed ? "WON" : "OPEN"))
                .param("company", company).param("title", (closed ? "Закрыта " : "Открыта ") + tag)
                .param("amount", new BigDecimal("125000.00")).param("owner", owner).param("closed", closed)
                .query(Long.class).single();
    }

    private long assignee(long activity) {
        return jdbc.sql("select assignee_id from crm.activity where id = :id").param("id", activity)
                .query(Long.class).single();
    }

    private long owner(long deal) {
        return jdbc.sql("select owner_id from crm.deal where id = :id").param("id", deal).query(Long.class).single();
    }
}
