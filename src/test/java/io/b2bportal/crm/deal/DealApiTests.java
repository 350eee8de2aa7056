package io.b2bportal.crm.deal;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals and pipelines over the API and the pages: create, edit, move with the optimistic lock, the LOST reason,
 * stages of another pipeline, the pipeline editing rules, and who sees which deal.
 */
@PortalTest
class DealApiTests {

    private static final String MANAGER = Http.basic("manager@demo.local", "demo");
    private static final String MANAGER2 = Http.basic("manager2@demo.local", "demo");
    private static final String HEAD = Http.basic("head@demo.local", "demo");
    private static final String CUSTOMER = Http.basic("admin@alpha.demo", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deals deals;

    Http http;
    DealFixture fixture;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fixture = new DealFixture(jdbc, deals);
    }

    private HttpResponse<String> put(String path, String auth, String json) {
        return http.send(http.request(path).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", auth));
    }

    private static long id(String json) {
        return Long.parseLong(json.replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1"));
    }

    @Test
    void aManagerCreatesEditsAndMovesADealOnTheirClientWithTheStageProbability() {
        long alpha = fixture.company(DealFixture.ALPHA);
        long pipeline = fixture.pipeline("new-clients");
        List<Long> stages = fixture.stages("new-clients");
        HttpResponse<String> created = http.postJson("/api/v1/admin/crm/deals", MANAGER, """
                {"title":"API deal","pipelineId":%d,"companyId":%d,"amount":150000.50,"expectedClose":"2027-01-31",
                 "source":"REFERRAL","ownerId":%d}""".formatted(pipeline, alpha, fixture.user("head@demo.local")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long deal = id(created.body());
        assertThat(created.body()).contains("\"probability\":10").contains("\"stageName\":\"Первый контакт\"")
                .contains("\"amount\":150000.50");
        // an account manager owns what they create, whatever they ask
        assertThat(created.body()).contains("\"ownerName\":\"Иван Менеджеров\"");

        HttpResponse<String> edited = put("/api/v1/admin/crm/deals/" + deal, MANAGER, """
                {"title":"API deal, edited","companyId":%d,"amount":200000,"probability":35,"version":0}""".formatted(alpha));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("API deal, edited").contains("\"probability\":35").contains("\"version\":1");
        HttpResponse<String> staleEdit = put("/api/v1/admin/crm/deals/" + deal, MANAGER,
                "{\"title\":\"x\",\"companyId\":" + alpha + ",\"version\":0}");
        assertThat(staleEdit.statusCode()).isEqualTo(409);

        HttpResponse<String> moved = http.postJson("/api/v1/admin/crm/deals/" + deal + "/move", MANAGER,
                "{\"stageId\":" + stages.get(2) + ",\"version\":1}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("\"stageName\":\"Предложение\"").contains("\"probability\":50")
                .contains("\"version\":2").contains("\"toStage\":\"Предложение\"");
        HttpResponse<String> stale = http.postJson("/api/v1/admin/crm/deals/" + deal + "/move", MANAGER,
                "{\"stageId\":" + stages.get(3) + ",\"version\":1}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("deal-stale");
        assertThat(fixture.stageOf(deal)).isEqualTo(stages.get(2));
        assertThat(jdbc.sql("select count(*) from crm.timeline_entry where object_type = 'DEAL' and object_id = :id")
                .param("id", deal).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aLostStageNeedsAReasonAndAStageOfAnotherPipelineIsRefused() {
        long deal = fixture.deal("Lost rules", DealFixture.BETA, "manager@demo.local");
        long lost = fixture.lostStage("new-clients");
        long foreign = fixture.stages("expansion").get(1);

        HttpResponse<String> noReason = http.postJson("/api/v1/admin/crm/deals/" + deal + "/move", MANAGER,
                "{\"stageId\":" + lost + ",\"version\":0}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("lost-reason-required");
        HttpResponse<String> other = http.postJson("/api/v1/admin/crm/deals/" + deal + "/move", MANAGER,
                "{\"stageId\":" + foreign + ",\"version\":0}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("stage-not-in-pipeline");
        assertThat(fixture.version(deal)).isZero();
        assertThat(jdbc.sql("select count(*) from crm.deal_stage_history where deal_id = :id").param("id", deal)
                .query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> withReason = http.postJson("/api/v1/admin/crm/deals/" + deal + "/move", MANAGER,
                "{\"stageId\":" + lost + ",\"version\":0,\"lostReason\":\"Цена\"}");
        assertThat(withReason.statusCode()).isEqualTo(200);
        assertThat(withReason.body()).contains("\"lostReason\":\"Цена\"").contains("\"outcome\":\"LOST\"")
                .contains("\"probability\":0").doesNotContain("\"closedAt\":null");
    }

    @Test
    void badDealInputIsRefusedFieldByField() {
        long alpha = fixture.company(DealFixture.ALPHA);
        long pipeline = fixture.pipeline("new-clients");
        String base = "\"pipelineId\":" + pipeline + ",\"companyId\":" + alpha;
        assertThat(http.postJson("/api/v1/admin/crm/deals", MANAGER, "{" + base + "}").body()).contains("problems/required");
        assertThat(http.postJson("/api/v1/admin/crm/deals", MANAGER, "{\"title\":\"t\"," + base + ",\"amount\":-1}")
                .body()).contains("problems/amount");
        assertThat(http.postJson("/api/v1/admin/crm/deals", MANAGER, "{\"title\":\"t\"," + base + ",\"probability\":101}")
                .statusCode()).isEqualTo(422);
        assertThat(http.postJson("/api/v1/admin/crm/deals", MANAGER, "{\"title\":\"t\"," + base + ",\"source\":\"TV\"}")
                .statusCode()).isEqualTo(422);
        assertThat(http.postJson("/api/v1/admin/crm/deals", MANAGER, "{\"title\":\"t\",\"pipelineId\":" + pipeline + "}")
                .body()).contains("client-required");
        // Gamma is manager2's client, not manager's
        assertThat(http.postJson("/api/v1/admin/crm/deals", MANAGER, "{\"title\":\"t\",\"pipelineId\":" + pipeline
                + ",\"companyId\":" + fixture.company(DealFixture.GAMMA) + "}").body()).contains("client-unknown");
    }

    @Test
    void pipelinesAreEditedByHeadsOnlyAndAStageWithDealsStays() {
        String code = "p-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.postJson("/api/v1/admin/crm/pipelines", MANAGER, "{\"code\":\"" + code + "\",\"name\":\"X\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> created = http.postJson("/api/v1/admin/crm/pipelines", HEAD,
                "{\"code\":\"" + code + "\",\"name\":\"Тендеры\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long pipeline = id(created.body());
        assertThat(http.postJson("/api/v1/admin/crm/pipelines", HEAD, "{\"code\":\"" + code + "\",\"name\":\"again\"}")
                .statusCode()).isEqualTo(409);
        assertThat(http.postJson("/api/v1/admin/crm/pipelines", HEAD, "{\"code\":\"Bad Code\",\"name\":\"x\"}")
                .statusCode()).isEqualTo(422);
        String stagesUrl = "/api/v1/admin/crm/pipelines/" + pipeline + "/stages";
        http.postJson(stagesUrl, HEAD, "{\"name\":\"Заявка\",\"probability\":10}");
        http.postJson(stagesUrl, HEAD, "{\"name\":\"Победа\",\"probability\":100,\"outcome\":\"WON\"}");
        HttpResponse<String> third = http.postJson(stagesUrl, HEAD, "{\"name\":\"Торги\",\"probability\":40}");
        // an open stage goes before the closing ones
        assertThat(third.body().indexOf("Торги")).isLessThan(third.body().indexOf("Победа"));
        assertThat(http.postJson(stagesUrl, HEAD, "{\"name\":\"x\",\"probability\":140}").statusCode()).isEqualTo(422);
        List<Long> ids = jdbc.sql("select id from crm.pipeline_stage where pipeline_id = :p order by position")
                .param("p", pipeline).query(Long.class).list();
        assertThat(ids).hasSize(3);

        HttpResponse<String> reordered = put(stagesUrl, HEAD, "{\"stageIds\":[" + ids.get(1) + "," + ids.get(0) + "," + ids.get(2) + "]}");
        assertThat(reordered.statusCode()).isEqualTo(200);
        assertThat(reordered.body().indexOf("Торги")).isLessThan(reordered.body().indexOf("Заявка"));
        assertThat(put(stagesUrl, HEAD, "{\"stageIds\":[" + ids.get(0) + "]}").statusCode()).isEqualTo(422);
        assertThat(put(stagesUrl + "/" + ids.get(0), HEAD, "{\"name\":\"Заявка подана\",\"probability\":15}").body())
                .contains("Заявка подана");

        long deal = deals.create(new Deals.DealInput("Тендер", pipeline, ids.get(0), fixture.company(DealFixture.ALPHA),
                null, null, null, null, null, null, fixture.user("head@demo.local")), fixture.user("head@demo.local"));
        assertThat(deal).isPositive();
        HttpResponse<String> refused = http.send(http.request(stagesUrl + "/" + ids.get(0)).DELETE()
                .header("Authorization", HEAD));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("stage-has-deals");
        HttpResponse<String> removed = http.send(http.request(stagesUrl + "/" + ids.get(1)).DELETE()
                .header("Authorization", HEAD));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain("Торги").contains("Заявка подана");
    }

    @Test
    void anAccountManagerSeesOnlyTheirDealsAndTheirClientsHeadsAllCustomersNothing() {
        long mine = fixture.deal("Iso mine", DealFixture.ALPHA, "manager@demo.local");
        long theirs = fixture.deal("Iso theirs", DealFixture.GAMMA, "manager2@demo.local");
        String theirsTitle = fixture.title(theirs);
        List<Long> stages = fixture.stages("new-clients");

        assertThat(http.get("/api/v1/admin/crm/deals/" + theirs, MANAGER).statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/admin/crm/deals/" + theirs + "/move", MANAGER,
                "{\"stageId\":" + stages.get(1) + ",\"version\":0}").statusCode()).isEqualTo(404);
        assertThat(put("/api/v1/admin/crm/deals/" + theirs, MANAGER, "{\"title\":\"x\",\"version\":0}").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/crm/deals", MANAGER).body()).contains(fixture.title(mine))
                .doesNotContain(theirsTitle);
        assertThat(http.get("/api/v1/admin/crm/deals/" + mine, MANAGER2).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/admin/crm/deals/" + theirs, HEAD).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/admin/crm/deals", HEAD).body()).contains(theirsTitle).contains(fixture.title(mine));
        assertThat(fixture.stageOf(theirs)).isEqualTo(stages.get(0));

        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        assertThat(manager.get("/admin/crm/deals/" + theirs).statusCode()).isEqualTo(404);
        assertThat(manager.get("/admin/crm/deals/" + theirs + "/edit").statusCode()).isEqualTo(404);
        assertThat(manager.get("/admin/crm/deals?pipeline=new-clients").body()).contains(fixture.title(mine))
                .doesNotContain(theirsTitle);
        assertThat(manager.get("/admin/crm/deals?view=list").body()).doesNotContain(theirsTitle);
        assertThat(manager.get("/admin/crm/pipelines").statusCode()).isEqualTo(403);

        for (String path : new String[] {"/api/v1/admin/crm/deals", "/api/v1/admin/crm/deals/" + mine,
                "/api/v1/admin/crm/pipelines", "/api/v1/admin/crm/leads"}) {
            assertThat(http.get(path, CUSTOMER).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(http.postJson("/api/v1/admin/crm/deals/" + mine + "/move", CUSTOMER,
                "{\"stageId\":" + stages.get(1) + ",\"version\":0}").statusCode()).isEqualTo(403);
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        for (String path : new String[] {"/admin/crm/deals", "/admin/crm/deals?view=list", "/admin/crm/deals/" + mine,
                "/admin/crm/deals/new?companyId=1", "/admin/crm/pipelines", "/admin/crm/deals/" + mine + "/edit"}) {
            HttpResponse<String> page = buyer.get(path);
            assertThat(page.statusCode()).as(path).isIn(302, 403, 404);
            assertThat(page.body()).as(path).doesNotContain(fixture.title(mine));
        }
        for (String path : new String[] {"/", "/orders", "/company", "/catalog"}) {
            assertThat(buyer.get(path).body()).as(path).doesNotContain(fixture.title(mine)).doesNotContain("Iso ");
        }
    }

    @Test
    void theNewDealPageTakesTheClientFromTheClientCardAndTheFormCreatesTheDeal() {
        long alpha = fixture.company(DealFixture.ALPHA);
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        HttpResponse<String> page = manager.get("/admin/crm/deals/new?companyId=" + alpha + "&lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<option value=\"" + alpha + "\" selected=\"selected\">Группа «Альфа»</option>");
        String title = "Form deal " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = manager.post("/admin/crm/deals", "_csrf=" + WebSession.csrfToken(page.body())
                + "&title=" + title.replace(" ", "+") + "&pipelineId=" + fixture.pipeline("expansion") + "&companyId="
                + alpha + "&amount=1000.5&currency=RUB&expectedClose=2027-02-01&source=PORTAL", null);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(manager.get(location.replaceAll("^https?://[^/]+", "") + "?lang=en").body()).contains(title)
                .contains("Идея").contains("1 000,50");

        HttpResponse<String> refused = manager.post("/admin/crm/deals?lang=en", "_csrf="
                + WebSession.csrfToken(page.body()) + "&title=&pipelineId=" + fixture.pipeline("expansion")
                + "&companyId=" + alpha, null);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Fill in the required fields");
    }

    @Test
    void contactRolesInADealAreTheClientsPeopleOnly() {
        long alpha = fixture.company(DealFixture.ALPHA);
        long beta = fixture.company(DealFixture.BETA);
        long sponsor = jdbc.sql("insert into crm.contact (company_id, full_name, dmu_role) values (:c, 'Спонсор Альфы', 'SPONSOR') returning id")
                .param("c", alpha).query(Long.class).single();
        long stranger = jdbc.sql("insert into crm.contact (company_id, full_name, dmu_role) values (:c, 'Человек Беты', 'USER') returning id")
                .param("c", beta).query(Long.class).single();
        long deal = fixture.deal("Roles", DealFixture.ALPHA, "manager@demo.local");

        HttpResponse<String> set = put("/api/v1/admin/crm/deals/" + deal + "/contacts", MANAGER,
                "[{\"contactId\":" + sponsor + ",\"role\":\"DECISION_MAKER\"}]");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("Спонсор Альфы").contains("\"dmuRole\":\"DECISION_MAKER\"");
        assertThat(put("/api/v1/admin/crm/deals/" + deal + "/contacts", MANAGER,
                "[{\"contactId\":" + stranger + ",\"role\":\"USER\"}]").statusCode()).isEqualTo(422);
        assertThat(put("/api/v1/admin/crm/deals/" + deal + "/contacts", MANAGER,
                "[{\"contactId\":" + sponsor + ",\"role\":\"BOSS\"}]").statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("select dmu_role from crm.deal_contact where deal_id = :d").param("d", deal)
                .query(String.class).list()).containsExactly("DECISION_MAKER");
    }

    @Test
    void theEditFormAndTheMoveFormWithoutJavaScriptKeepTheSameRules() {
        long deal = fixture.deal("Page edit", DealFixture.ALPHA, "manager@demo.local");
        long lost = fixture.lostStage("new-clients");
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String edit = manager.get("/admin/crm/deals/" + deal + "/edit?lang=en").body();
        assertThat(edit).contains("name=\"version\" value=\"0\"");
        String csrf = WebSession.csrfToken(edit);
        String form = "_csrf=" + csrf + "&title=Page+edited&companyId=" + fixture.company(DealFixture.ALPHA)
                + "&amount=777&currency=RUB&source=OTHER";
        HttpResponse<String> saved = manager.post("/admin/crm/deals/" + deal, form + "&version=0", null);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(fixture.title(deal)).isEqualTo("Page edited");
        HttpResponse<String> stale = manager.post("/admin/crm/deals/" + deal + "?lang=en", form.replace("Page+edited", "Lost+edit")
                + "&version=0", null);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("was changed by someone else");
        assertThat(fixture.title(deal)).isEqualTo("Page edited");

        HttpResponse<String> noReason = manager.post("/admin/crm/deals/" + deal + "/move", "_csrf=" + csrf
                + "&stageId=" + lost + "&version=1", null);
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(manager.get("/admin/crm/deals/" + deal + "?lang=en").body()).contains("Say why the deal was lost");
        assertThat(fixture.stageOf(deal)).isNotEqualTo(lost);
        manager.post("/admin/crm/deals/" + deal + "/move", "_csrf=" + csrf + "&stageId=" + lost + "&version=1"
                + "&lostReason=Too+expensive", null);
        assertThat(fixture.stageOf(deal)).isEqualTo(lost);
        assertThat(manager.get("/admin/crm/deals/" + deal + "?lang=en").body()).contains("Too expensive");
    }
}
