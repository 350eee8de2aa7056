package io.b2bportal.customers;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The customers API's behaviour: acting legal entity, addresses, verification and contracts, and bad input. */
@PortalTest
class CustomersApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUYER = basic("buyer@alpha.demo", "demo");
    private static final String ADMIN = basic("admin@demo.local", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    long alphaStroy;
    long alphaRemont;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        alphaStroy = entity(DemoCustomers.ALPHA_STROY);
        alphaRemont = entity(DemoCustomers.ALPHA_REMONT);
    }

    @Test
    void theBuyerActsForTheDefaultEntityUnlessTheHeaderPicksAnother() {
        JsonNode entities = json(http.get("/api/v1/legal-entities", BUYER));
        assertThat(entities.size()).isEqualTo(2);
        assertThat(entities.findValues("active").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);

        JsonNode defaults = json(http.get("/api/v1/addresses?limit=1000", BUYER));
        assertThat(defaults.size()).isGreaterThan(100);
        JsonNode remont = json(http.send(http.request("/api/v1/addresses").header("Authorization", BUYER)
                .header("X-Legal-Entity", String.valueOf(alphaRemont))));
        assertThat(remont.size()).isEqualTo(1);
        assertThat(remont.get(0).get("label").asString()).isEqualTo("Мастерская");
    }

    @Test
    void meTellsTheCompanyTheEntitiesAndWhichOneIsActive() {
        JsonNode me = json(http.send(http.request("/api/v1/me").header("Authorization", BUYER)
                .header("X-Legal-Entity", String.valueOf(alphaRemont))));

        assertThat(me.get("company").get("name").asString()).isEqualTo("Группа «Альфа»");
        assertThat(me.get("legalEntities").size()).isEqualTo(2);
        assertThat(me.get("activeLegalEntity").asLong()).isEqualTo(alphaRemont);
        assertThat(json(http.get("/api/v1/me", ADMIN)).has("legalEntities")).isFalse();
    }

    @Test
    void aHeaderNamingSomeoneElsesOrNoEntityIsRefused() {
        long beta = entity(DemoCustomers.BETA);
        HttpResponse<String> foreign = http.send(http.request("/api/v1/addresses").header("Authorization", BUYER)
                .header("X-Legal-Entity", String.valueOf(beta)).header("Accept-Language", "en"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(json(foreign).get("detail").asString()).isEqualTo("You may not act for legal entity " + beta + ".");

        HttpResponse<String> garbage = http.send(http.request("/api/v1/addresses").header("Authorization", BUYER)
                .header("X-Legal-Entity", "alpha"));
        assertThat(garbage.statusCode()).isEqualTo(400);
    }

    @Test
    void addressesAreSearchedAddedMadeDefaultAndArchived() {
        String auth = basic("admin@alpha.demo", "demo");
        HttpResponse<String> created = http.postJson("/api/v1/addresses", auth,
                "{\"label\":\"Склад Тест-Юг\",\"address\":\"г. Москва, Варшавское ш., д. 170\","
                        + "\"contactName\":\"Кладовщик\",\"contactPhone\":\"+7 999 123-45-67\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("id").asLong();

        JsonNode found = json(http.get("/api/v1/addresses?q=%D1%82%D0%B5%D1%81%D1%82-%D1%8E%D0%B3", auth));
        assertThat(found.size()).isEqualTo(1);

        JsonNode made = json(http.send(http.request("/api/v1/addresses/" + id + "/default")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", auth)));
        assertThat(made.get("isDefault").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from customers.address where legal_entity_id = :e and is_default")
                .param("e", alphaStroy).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> archived = http.send(http.request("/api/v1/addresses/" + id).DELETE()
                .header("Authorization", auth));
        assertThat(archived.statusCode()).isEqualTo(204);
        assertThat(json(http.get("/api/v1/addresses?q=%D1%82%D0%B5%D1%81%D1%82-%D1%8E%D0%B3", auth)).size()).isZero();
    }

    @Test
    void aBlankAddressOrABadPhoneIsRefusedFieldByField() {
        HttpResponse<String> response = http.send(http.request("/api/v1/addresses")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"\",\"address\":\"x\",\"contactPhone\":\"call me\"}"))
                .header("Content-Type", "application/json").header("Authorization", BUYER)
                .header("Accept-Language", "en"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").findValuesAsString("field")).contains("label", "contactPhone");
    }

    @Test
    void absurdPagingIsRefused() {
        assertThat(http.get("/api/v1/addresses?limit=100000", BUYER).statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/addresses?offset=-1", BUYER).statusCode()).isEqualTo(422);
    }

    @Test
    void aRejectionNeedsAReasonAndAnApprovedEntityCannotBeRejected() {
        HttpResponse<String> noReason = http.postJson("/api/v1/admin/customers/legal-entities/" + alphaStroy + "/reject",
                ADMIN, "{\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(422);

        HttpResponse<String> late = http.postJson("/api/v1/admin/customers/legal-entities/" + alphaStroy + "/reject",
                ADMIN, "{\"reason\":\"too late\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select status from customers.legal_entity where id = :id").param("id", alphaStroy)
                .query(String.class).single()).isEqualTo("APPROVED");
    }

    @Test
    void aRejectedEntityShowsTheReasonToTheBuyer() {
        long gammaPlus = entity(DemoCustomers.GAMMA_PLUS);
        HttpResponse<String> rejected = http.postJson("/api/v1/admin/customers/legal-entities/" + gammaPlus + "/reject",
                basic("manager2@demo.local", "demo"), "{\"reason\":\"Нет подписи на уставе\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);

        JsonNode seen = json(http.get("/api/v1/legal-entities/" + gammaPlus, basic("buyer@gamma.demo", "demo")));
        assertThat(seen.get("entity").get("status").asString()).isEqualTo("REJECTED");
        assertThat(seen.get("entity").get("rejectionReason").asString()).isEqualTo("Нет подписи на уставе");
    }

    @Test
    void aContractWithInconsistentTermsIsRefusedAndTheOldOneStays() {
        HttpResponse<String> response = http.send(http.request("/api/v1/admin/customers/legal-entities/" + alphaStroy
                        + "/contract")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"number":"X-1","startsOn":"2026-05-01","endsOn":"2026-04-01","priceType":"wholesale",
                         "paymentTerms":"DEFERRAL","deferralDays":0,"creditLimit":-5,"minOrderAmount":0,
                         "assortment":"","deliveryTerms":"DELIVERY","status":"ACTIVE"}"""))
                .header("Content-Type", "application/json").header("Authorization", ADMIN));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").findValuesAsString("field")).contains("creditLimit");
        // the bound is the annotation's value, not its "inclusive" flag
        assertThat(json(response).get("errors").findValuesAsString("message"))
                .anyMatch(message -> message.equals("Не меньше 0.") || message.equals("Must be at least 0."));
        JsonNode terms = json(http.get("/api/v1/admin/customers/legal-entities/" + alphaStroy + "/contract", ADMIN));
        assertThat(terms.get("contractNumber").asString()).isEqualTo("П-2026/014");
    }

    @Test
    void crossFieldContractRulesAreFieldErrorsToo() {
        HttpResponse<String> response = http.send(http.request("/api/v1/admin/customers/legal-entities/" + alphaRemont
                        + "/contract")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"number":"X-1","startsOn":"2026-05-01","endsOn":"2026-04-01","priceType":"base",
                         "paymentTerms":"DEFERRAL","deferralDays":0,"creditLimit":0,"minOrderAmount":0,
                         "assortment":"","deliveryTerms":"PICKUP","status":"ACTIVE"}"""))
                .header("Content-Type", "application/json").header("Authorization", ADMIN));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").findValuesAsString("field")).contains("deferralDays", "endsOn");
    }

    @Test
    void aManagerSeesOnlyTheirOwnCustomers() {
        JsonNode mine = json(http.get("/api/v1/admin/customers", basic("manager2@demo.local", "demo")));
        // of the demo, Gamma alone; other tests give manager2 companies of their own
        assertThat(mine.findValuesAsString("name")).contains("ИП Гаммова Е. В.")
                .doesNotContain("Группа «Альфа»", "ООО «Бета Инструмент»");
        assertThat(jdbc.sql("""
                        select count(*) from customers.company c join platform.user_account u on u.id = c.account_manager_id
                         where u.email = 'manager2@demo.local'""").query(Integer.class).single())
                .isEqualTo(mine.size());
        JsonNode all = json(http.get("/api/v1/admin/customers", basic("head@demo.local", "demo")));
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
    }

    private long entity(String inn) {
        return DemoCustomers.entity(jdbc, inn);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
