package io.b2bportal.crm.onbehalf;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.crm.onbehalf.OnBehalfFixture.BETA;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.ALPHA_REMONT;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.ALPHA_STROY;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.GAMMA;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.add;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.checkout;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.csrf;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.currentCart;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.form;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.start;
import static io.b2bportal.crm.onbehalf.OnBehalfFixture.stop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff who manages a client acts in the portal on its behalf: who may start, the client's prices, cart and
 * checkout with every check of the client's, the orders channel ON_BEHALF, audit entries with both identities, the
 * client's order changed and cancelled, what stays refused, and stopping.
 */
@PortalTest
class OnBehalfTests {

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
    long beta;
    long betaEntity;

    @BeforeEach
    void setUp() {
        fixture = new OnBehalfFixture(jdbc, port);
        beta = fixture.company(BETA);
        betaEntity = fixture.entity(BETA);
        OnBehalfFixture.acceptAgreement(customers, documents, acceptances, fixture.user("buyer@beta.demo"), betaEntity);
    }

    @Test
    void theClientsManagerStartsActingOnItsBehalfAndTheStartIsAudited() {
        long since = fixture.lastAuditId();
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");

        HttpResponse<String> confirm = manager.get("/admin/crm/clients/" + beta + "/on-behalf", "en");
        assertThat(confirm.body()).contains("data-testid=\"on-behalf-confirm\"").contains("ООО «Бета Инструмент»");
        HttpResponse<String> started = start(manager, beta, betaEntity);

        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/catalog");
        HttpResponse<String> catalog = manager.get("/catalog", "en");
        assertThat(catalog.body()).contains("data-testid=\"on-behalf-banner\"")
                .contains("Acting on behalf of ").contains("ООО «Бета Инструмент»").contains(managerName())
                .doesNotContain("data-testid=\"view-as-banner\"");
        assertThat(manager.get("/catalog", "ru").body()).contains("Работа от имени клиента");
        assertThat(fixture.auditSince(since)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("crm.on-behalf.start");
            assertThat(a.actorId()).isEqualTo(fixture.user("manager@demo.local"));
            assertThat(a.companyId()).isEqualTo(beta);
            assertThat(a.legalEntityId()).isEqualTo(betaEntity);
        });
    }

    @Test
    void aManagerOfAnotherClientOperationsStaffAndCustomersCannotStart() {
        WebSession manager2 = new WebSession(port).login("manager2@demo.local", "demo");
        String token = csrf(manager2.get("/admin/customers"));
        assertThat(manager2.get("/admin/crm/clients/" + beta + "/on-behalf").statusCode()).isEqualTo(404);
        assertThat(manager2.post("/admin/crm/clients/" + beta + "/on-behalf",
                form("legalEntityId", String.valueOf(betaEntity), "_csrf", token), null).statusCode()).isEqualTo(404);
        assertThat(manager2.get("/cart").statusCode()).isEqualTo(404);

        WebSession ops = new WebSession(port).login("ops@demo.local", "demo");
        String opsToken = csrf(ops.get("/admin/orders"));
        assertThat(ops.post("/admin/crm/clients/" + beta + "/on-behalf",
                form("legalEntityId", String.valueOf(betaEntity), "_csrf", opsToken), null).statusCode()).isEqualTo(403);
        assertThat(ops.get("/cart").statusCode()).isEqualTo(404);

        WebSession buyer = new WebSession(port).login("buyer@beta.demo", "demo");
        String buyerToken = csrf(buyer.get("/catalog"));
        assertThat(buyer.get("/admin/crm/clients/" + beta + "/on-behalf").statusCode()).isEqualTo(403);
        assertThat(buyer.post("/admin/crm/clients/" + beta + "/on-behalf",
                form("legalEntityId", String.valueOf(betaEntity), "_csrf", buyerToken), null).statusCode())
                .isEqualTo(403);
        assertThat(buyer.get("/catalog", "en").body()).doesNotContain("on-behalf-banner");
    }

    @Test
    void onlyAnApprovedLegalEntityOfThatClientMayBeChosen() {
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        long alpha = fixture.company(ALPHA_STROY);

        HttpResponse<String> otherCompanysEntity = start(manager, alpha, betaEntity);

        assertThat(otherCompanysEntity.statusCode()).isEqualTo(422);
        assertThat(otherCompanysEntity.body()).contains("Выберите одно из проверенных юрлиц клиента");
        assertThat(manager.get("/cart").statusCode()).isEqualTo(404);
    }

    @Test
    void theCatalogShowsTheClientsContractPricesAsTheClientSeesThem() {
        record Contract(String sku, BigDecimal amount) {
        }
        Contract contract = jdbc.sql("""
                        select p.sku, cp.amount from pricing.contract_price cp join catalog.product p on p.id = cp.product_id
                         where cp.legal_entity_id = :entity order by p.sku limit 1""")
                .param("entity", betaEntity).query(Contract.class).single();
        WebSession buyer = new WebSession(port).login("buyer@beta.demo", "demo");
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String path = "/catalog/products/" + contract.sku();
        String staffPage = manager.get(path, "en").body();

        start(manager, beta, betaEntity);
        String onBehalfPrice = grossPrice(manager.get(path, "en").body());
        String clientPrice = grossPrice(buyer.get(path, "en").body());

        assertThat(onBehalfPrice).isEqualTo(clientPrice);
        assertThat(staffPage).as("staff outside the client's portal do not see its contract price")
                .doesNotContain(">" + clientPrice + "<");
        assertThat(onBehalfPrice.replaceAll("[^0-9]", ""))
                .isEqualTo(contract.amount().setScale(2).toPlainString().replaceAll("[^0-9]", ""));
    }

    @Test
    void aCartCheckedOutOnBehalfBecomesAnOrderOfTheClientWithChannelOnBehalfAuditedWithBothIdentities() {
        String sku = fixture.product("30000", 10);
        long manager = fixture.user("manager@demo.local");
        long since = fixture.lastAuditId();
        WebSession staff = new WebSession(port).login("manager@demo.local", "demo");
        start(staff, beta, betaEntity);

        add(staff, sku, "2");
        long cart = currentCart(staff);
        String pasted = fixture.product("5000", 10);
        HttpResponse<String> cartPage = staff.get("/carts/" + cart, "en");
        HttpResponse<String> review = staff.post("/carts/" + cart + "/quick-order/paste",
                form("text", pasted + " 3", "_csrf", csrf(cartPage)), null);
        String reviewPath = review.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(staff.post(reviewPath + "/confirm", form("_csrf", csrf(cartPage)), null).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from ordering.cart_line where cart_id = :id").param("id", cart)
                .query(Long.class).single()).isEqualTo(2);
        HttpResponse<String> placed = checkout(staff, cart);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(302);
        String number = placed.headers().firstValue("Location").orElseThrow().replaceAll(".*/orders/", "");
        record Order(long companyId, long legalEntityId, long placedBy, String channel, String status) {
        }
        Order order = jdbc.sql("""
                        select company_id, legal_entity_id, placed_by, channel, status from ordering.orders
                         where number = :n""").param("n", number).query(Order.class).single();
        assertThat(order).isEqualTo(new Order(beta, betaEntity, manager, "ON_BEHALF", "PLACED"));
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
        assertThat(fixture.reserved(pasted)).isEqualByComparingTo("3");
        assertThat(jdbc.sql("select owner_id from ordering.cart where id = :id").param("id", cart).query(Long.class)
                .single()).as("the manager's own cart for the client's legal entity").isEqualTo(manager);

        List<OnBehalfFixture.Audit> audit = fixture.auditSince(since);
        assertThat(audit).filteredOn(a -> a.action().equals("ordering.order.on-behalf")).singleElement()
                .satisfies(a -> {
                    assertThat(a.actorId()).isEqualTo(manager);
                    assertThat(a.companyId()).isEqualTo(beta);
                    assertThat(a.legalEntityId()).isEqualTo(betaEntity);
                    assertThat(a.subject()).contains(number).contains("ON_BEHALF");
                });
        assertThat(audit).filteredOn(a -> a.action().equals("on-behalf.change"))
                .extracting(OnBehalfFixture.Audit::subject)
                .anySatisfy(s -> assertThat(s).startsWith("POST /cart/add"))
                .anySatisfy(s -> assertThat(s).startsWith("POST /carts/" + cart + "/quick-order/paste"))
                .anySatisfy(s -> assertThat(s).startsWith("POST /checkout"));
        assertThat(audit).filteredOn(a -> a.action().startsWith("on-behalf") || a.action().contains("on-behalf"))
                .allSatisfy(a -> assertThat(a.legalEntityId()).isEqualTo(betaEntity));

        HttpResponse<String> page = staff.get("/admin/crm/clients/" + beta + "/on-behalf/audit", "en");
        assertThat(page.body()).contains(number).contains("Order placed on behalf").contains("ООО «Бета Инструмент»");
        assertThat(new WebSession(port).login("head@demo.local", "demo")
                .get("/admin/crm/clients/" + beta + "/on-behalf/audit", "en").body()).contains(number);
        assertThat(new WebSession(port).login("manager2@demo.local", "demo")
                .get("/admin/crm/clients/" + beta + "/on-behalf/audit").statusCode()).isEqualTo(404);
    }

    @Test
    void theClientsOwnOrderIsChangedAndCancelledOnItsBehalfNamingTheBuyerWhoPlacedIt() {
        String sku = fixture.product("30000", 10);
        long buyer = fixture.user("buyer@beta.demo");
        Http http = new Http(port);
        var placed = OnBehalfFixture.json(http.send(http.request("/api/v1/orders")
                .header("Authorization", Http.basic("buyer@beta.demo", "demo"))
                .header("X-Legal-Entity", String.valueOf(betaEntity)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"lines": [{"sku": "%s", "quantity": 3}]}""".formatted(sku)))), 201);
        String number = placed.get("orders").get(0).get("number").asString();
        long since = fixture.lastAuditId();
        WebSession staff = new WebSession(port).login("manager@demo.local", "demo");
        start(staff, beta, betaEntity);

        HttpResponse<String> orderPage = staff.get("/orders/" + number, "en");
        assertThat(orderPage.body()).contains("data-testid=\"change-form\"").contains("data-testid=\"cancel-form\"");
        HttpResponse<String> changed = staff.post("/orders/" + number + "/lines",
                form("as", "buyer", "qty.1", "2", "_csrf", csrf(orderPage)), null);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
        HttpResponse<String> cancelled = staff.post("/orders/" + number + "/cancel",
                form("reason", "by phone", "_csrf", csrf(orderPage)), null);
        assertThat(cancelled.statusCode()).isEqualTo(302);

        assertThat(jdbc.sql("select status from ordering.orders where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(fixture.auditSince(since)).filteredOn(a -> a.action().startsWith("ordering.order.on-behalf-"))
                .extracting(OnBehalfFixture.Audit::action, OnBehalfFixture.Audit::customerUserId,
                        OnBehalfFixture.Audit::legalEntityId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ordering.order.on-behalf-change", buyer, betaEntity),
                        org.assertj.core.groups.Tuple.tuple("ordering.order.on-behalf-cancel", buyer, betaEntity));
        assertThat(staff.get("/admin/crm/clients/" + beta + "/on-behalf/audit", "en").body())
                .contains("Order cancelled on behalf").contains("(order of ");
    }

    @Test
    void theClientsAgreementAndCreditHoldStillRefuseTheCheckout() {
        long remont = fixture.entity(ALPHA_REMONT);
        boolean remontApproved = jdbc.sql("select status = 'APPROVED' from customers.legal_entity where id = :id")
                .param("id", remont).query(Boolean.class).single();
        String sku = fixture.product("30000", 10);
        long before = fixture.orderCount();
        if (remontApproved) {
            WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
            start(manager, fixture.company(ALPHA_REMONT), remont);
            add(manager, sku, "1");
            HttpResponse<String> refused = checkout(manager, currentCart(manager));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Это юрлицо сейчас не может заказывать");
        }

        long gamma = fixture.entity(GAMMA);
        WebSession manager2 = new WebSession(port).login("manager2@demo.local", "demo");
        start(manager2, fixture.company(GAMMA), gamma);
        add(manager2, sku, "1");
        HttpResponse<String> onHold = checkout(manager2, currentCart(manager2));

        assertThat(onHold.statusCode()).as("the demo's credit hold of Gamma").isEqualTo(422);
        assertThat(onHold.body()).contains("Юрлицо на кредитной блокировке");
        assertThat(fixture.orderCount()).isEqualTo(before);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
    }

    @Test
    void everythingButOrderingStaysTheClientsOwnWhileActingOnItsBehalf() {
        long since = fixture.lastAuditId();
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        start(manager, beta, betaEntity);
        String token = csrf(manager.get("/company/addresses", "en"));
        long addresses = jdbc.sql("select count(*) from customers.address").query(Long.class).single();

        HttpResponse<String> address = manager.post("/company/addresses", form("label", "Hack", "address", "Nowhere",
                "_csrf", token), null);
        HttpResponse<String> agreement = manager.post("/company/entities/" + betaEntity + "/agreement/accept",
                form("_csrf", token), null);

        assertThat(address.statusCode()).isEqualTo(403);
        assertThat(address.body()).contains("Недоступно при работе от имени клиента");
        assertThat(agreement.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from customers.address").query(Long.class).single()).isEqualTo(addresses);
        assertThat(fixture.auditSince(since)).filteredOn(a -> a.action().equals("on-behalf.refused"))
                .extracting(OnBehalfFixture.Audit::subject)
                .containsExactly("POST /company/addresses", "POST /company/entities/" + betaEntity + "/agreement/accept");
    }

    @Test
    void theReadOnlyViewStaysReadOnlyForCarts() {
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String token = csrf(manager.get("/admin/customers/" + beta));
        manager.post("/admin/customers/" + beta + "/view-as", form("legalEntityId", String.valueOf(betaEntity),
                "_csrf", token), null);
        String sku = fixture.product("30000", 10);

        HttpResponse<String> catalog = manager.get("/catalog", "en");
        HttpResponse<String> add = manager.post("/cart/add", form("sku", sku, "quantity", "1", "_csrf", csrf(catalog)),
                null);
        HttpResponse<String> place = manager.post("/checkout", form("cart", "1", "_csrf", csrf(catalog)), null);

        assertThat(catalog.body()).contains("data-testid=\"view-as-banner\"").doesNotContain("on-behalf-banner");
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(place.statusCode()).isEqualTo(403);
    }

    @Test
    void stoppingEndsItAndReturnsToTheClientCard() {
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        start(manager, beta, betaEntity);
        long since = fixture.lastAuditId();

        HttpResponse<String> stopped = stop(manager);

        assertThat(stopped.headers().firstValue("Location").orElseThrow()).endsWith("/admin/crm/clients/" + beta);
        assertThat(manager.get("/cart").statusCode()).isEqualTo(404);
        assertThat(manager.get("/admin/orders", "en").body()).doesNotContain("on-behalf-banner");
        assertThat(fixture.auditSince(since)).extracting(OnBehalfFixture.Audit::action)
                .containsExactly("crm.on-behalf.stop");
    }

    @Test
    void signingOutEndsIt() {
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        start(manager, beta, betaEntity);
        manager.post("/logout", form("_csrf", csrf(manager.get("/catalog"))), null);

        manager.login("manager@demo.local", "demo");

        assertThat(manager.get("/cart").statusCode()).isEqualTo(404);
    }

    @Test
    void theDemosOrderOnBehalfHasItsAuditTrailOnTheClientsList() {
        String number = jdbc.sql("""
                        select number from ordering.orders where channel = 'ON_BEHALF' and po_number = 'по телефону'""")
                .query(String.class).single();
        long alpha = fixture.company(ALPHA_STROY);

        String page = new WebSession(port).login("manager@demo.local", "demo")
                .get("/admin/crm/clients/" + alpha + "/on-behalf/audit", "en").body();

        assertThat(page).contains(number).contains("Order placed on behalf").contains("Started acting on behalf")
                .contains("ООО «Альфа Строй»");
    }

    private String managerName() {
        return jdbc.sql("select display_name from platform.user_account where email = 'manager@demo.local'")
                .query(String.class).single();
    }

    private static String grossPrice(String html) {
        var matcher = java.util.regex.Pattern.compile("data-testid=\"price-gross\">([^<]+)<").matcher(html);
        assertThat(matcher.find()).as("a price on the page").isTrue();
        return matcher.group(1);
    }
}
