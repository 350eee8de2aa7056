package io.b2bportal.crm.onbehalf;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.crm.onbehalf.OnBehalfFixture.ALPHA_STROY;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.BETA;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.GAMMA;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/admin/crm/companies/{id}/orders}: an order for a client placed on its behalf over the API, with
 * the checkout's checks, channel ON_BEHALF and both identities in the audit log; who may, and who may not.
 */
@PortalTest
class OnBehalfApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.b2bportal.customers.CustomersApi customers;
    @Autowired
    io.b2bportal.customers.agreement.AgreementDocuments documents;
    @Autowired
    io.b2bportal.customers.agreement.AcceptanceLog acceptances;
    OnBehalfFixture fixture;
    Http http;
    long beta;
    long betaEntity;

    @BeforeEach
    void setUp() {
        fixture = new OnBehalfFixture(jdbc, port);
        http = new Http(port);
        beta = fixture.company(BETA);
        betaEntity = fixture.entity(BETA);
        OnBehalfFixture.acceptAgreement(customers, documents, acceptances, fixture.user("buyer@beta.demo"), betaEntity);
    }

    @Test
    void theClientsManagerPlacesAnOrderOnItsBehalfAuditedWithBothIdentities() {
        String sku = fixture.product("30000", 10);
        long since = fixture.lastAuditId();

        JsonNode answer = json(place("manager@demo.local", beta, betaEntity, sku, "2", "api-" + sku), 201);
        JsonNode order = answer.get("orders").get(0);

        assertThat(order.get("channel").asString()).isEqualTo("ON_BEHALF");
        assertThat(order.get("legalEntityId").asLong()).isEqualTo(betaEntity);
        assertThat(order.get("placedBy").asLong()).isEqualTo(fixture.user("manager@demo.local"));
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
        assertThat(fixture.auditSince(since)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("ordering.order.on-behalf");
            assertThat(a.actorId()).isEqualTo(fixture.user("manager@demo.local"));
            assertThat(a.companyId()).isEqualTo(beta);
            assertThat(a.legalEntityId()).isEqualTo(betaEntity);
            assertThat(a.subject()).contains(order.get("number").asString());
        });
        JsonNode replayed = json(place("manager@demo.local", beta, betaEntity, sku, "2", "api-" + sku), 200);
        assertThat(replayed.get("replayed").asBoolean()).isTrue();
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");

        JsonNode audit = json(http.get("/api/v1/admin/crm/companies/" + beta + "/on-behalf/audit",
                Http.basic("head@demo.local", "demo")), 200);
        assertThat(audit.findValuesAsString("subject")).anySatisfy(s -> assertThat(s).contains(order.get("number").asString()));
    }

    @Test
    void theCheckoutsChecksApplyAndRefuseWithTheirReason() {
        String sku = fixture.product("30000", 10);
        long before = fixture.orderCount();

        HttpResponse<String> onHold = place("manager2@demo.local", fixture.company(GAMMA), fixture.entity(GAMMA), sku,
                "1", null);
        HttpResponse<String> belowMinimum = place("manager@demo.local", fixture.company(ALPHA_STROY),
                fixture.entity(ALPHA_STROY), fixture.product("10", 100), "1", null);

        assertThat(json(onHold, 422).get("type").asString()).endsWith("credit-hold");
        assertThat(json(belowMinimum, 422).get("type").asString()).endsWith("minimum-order");
        assertThat(fixture.orderCount()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoManageTheClientAndOnlyForItsOwnApprovedEntities() {
        String sku = fixture.product("30000", 10);
        long before = fixture.orderCount();

        assertThat(place("manager2@demo.local", beta, betaEntity, sku, "1", null).statusCode()).isEqualTo(404);
        assertThat(place("ops@demo.local", beta, betaEntity, sku, "1", null).statusCode()).isEqualTo(403);
        assertThat(place("buyer@beta.demo", beta, betaEntity, sku, "1", null).statusCode()).isEqualTo(403);
        assertThat(place("manager@demo.local", fixture.company(ALPHA_STROY), betaEntity, sku, "1", null).statusCode())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/admin/crm/companies/" + beta + "/on-behalf/audit",
                Http.basic("manager2@demo.local", "demo")).statusCode()).isEqualTo(404);
        assertThat(fixture.orderCount()).isEqualTo(before);
    }

    private HttpResponse<String> place(String email, long company, long entity, String sku, String quantity,
            String key) {
        var request = http.request("/api/v1/admin/crm/companies/" + company + "/orders")
                .header("Authorization", Http.basic(email, "demo")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"legalEntityId": %d, "lines": [{"sku": "%s", "quantity": %s}], "poNumber": "by phone"}"""
                        .formatted(entity, sku, quantity)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request);
    }
}
