package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.BUYER;
import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static io.b2bportal.pricing.admin.AdminCalls.MANAGER;
import static io.b2bportal.pricing.admin.AdminCalls.OPS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pricing pages without a browser: numbers as people type them (a decimal comma in Russian, refused in English),
 * errors next to the field with nothing changed, the bulk change, and who may see and change what.
 */
@PortalTest
class PricingAdminPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void inRussianARowTakesSpacesAndADecimalComma() {
        String list = new AdminCalls(port).newList("ru");
        String sku = AdminCalls.sku(jdbc, "screws", 0);
        long product = AdminCalls.productId(jdbc, sku);
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = token(session, "/admin/pricing/price-lists/" + list + "?lang=ru");

        var saved = session.post("/admin/pricing/price-lists/" + list + "/prices/" + product, "_csrf=" + token
                + "&tiers[0].minQty=1&tiers[0].amount=" + enc("1 234,50")
                + "&tiers[1].minQty=" + enc("10") + "&tiers[1].amount=" + enc("1\u00a0200") + "&action=save", null);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(tiers(list, sku)).containsExactly(new BigDecimal("1234.5000"), new BigDecimal("1200.0000"));
        String page = session.get("/admin/pricing/price-lists/" + list + "?q=" + enc(sku), "ru").body();
        assertThat(page).contains("1\u00a0234,50").contains("от 10: 1\u00a0200,00");
    }

    @Test
    void inEnglishACommaIsRefusedNextToTheFieldAndNothingChanges() {
        String list = new AdminCalls(port).newList("en");
        String sku = AdminCalls.sku(jdbc, "screws", 1);
        long product = AdminCalls.productId(jdbc, sku);
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = token(session, "/admin/pricing/price-lists/" + list + "?lang=en");
        post(session, token, list, product, "tiers[0].minQty=1&tiers[0].amount=12.5&action=save");

        var comma = post(session, token, list, product, "tiers[0].minQty=1&tiers[0].amount=" + enc("1,5") + "&action=save");
        var text = post(session, token, list, product, "tiers[0].minQty=one&tiers[0].amount=12&action=save");
        var negative = post(session, token, list, product, "tiers[0].minQty=1&tiers[0].amount=-3&action=save");
        var twice = post(session, token, list, product,
                "tiers[0].minQty=5&tiers[0].amount=10&tiers[1].minQty=5&tiers[1].amount=9&action=save");
        var zero = post(session, token, list, product, "tiers[0].minQty=0&tiers[0].amount=10&action=save");

        assertThat(comma.statusCode()).isEqualTo(200);
        assertThat(comma.body()).contains("data-testid=\"tier-form\"")
                .contains("\u201c1,5\u201d: use a point for decimals").contains("aria-invalid=\"true\"");
        assertThat(text.body()).contains("\u201cone\u201d is not a number");
        assertThat(negative.body()).contains("A price cannot be negative.");
        assertThat(twice.body()).contains("There is already a price from 5.");
        assertThat(zero.body()).contains("The quantity must be above zero.");
        assertThat(tiers(list, sku)).containsExactly(new BigDecimal("12.5000"));
    }

    @Test
    void addingATierKeepsWhatWasTypedAndSavesNothingYet() {
        String list = new AdminCalls(port).newList("tier");
        String sku = AdminCalls.sku(jdbc, "screws", 2);
        long product = AdminCalls.productId(jdbc, sku);
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = token(session, "/admin/pricing/price-lists/" + list + "?lang=en");
        post(session, token, list, product, "tiers[0].minQty=1&tiers[0].amount=3&action=save");

        var added = post(session, token, list, product, "tiers[0].minQty=1&tiers[0].amount=2.75&action=add-tier");
        var removed = post(session, token, list, product,
                "tiers[0].minQty=1&tiers[0].amount=2.75&tiers[1].minQty=50&tiers[1].amount=2.5&action=remove-tier-0");

        assertThat(added.body()).contains("name=\"tiers[1].amount\"").contains("value=\"2.75\"");
        assertThat(removed.body()).contains("value=\"50\"").doesNotContain("name=\"tiers[1].amount\"");
        assertThat(tiers(list, sku)).containsExactly(new BigDecimal("3.0000"));
    }

    @Test
    void aProductIsAddedBySkuAndAnUnknownSkuIsNamed() {
        String list = new AdminCalls(port).newList("add");
        String sku = AdminCalls.sku(jdbc, "anchors", 1);
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = token(session, "/admin/pricing/price-lists/" + list + "?lang=en");

        var added = session.post("/admin/pricing/price-lists/" + list + "/prices", "_csrf=" + token + "&sku=" + enc(sku)
                + "&minQty=1&amount=45.10", null);
        var unknown = session.post("/admin/pricing/price-lists/" + list + "/prices", "_csrf=" + token
                + "&sku=NO-SUCH-SKU&minQty=1&amount=1", null);

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(tiers(list, sku)).containsExactly(new BigDecimal("45.1000"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("There is no product with the SKU NO-SUCH-SKU.");
    }

    @Test
    void theBulkChangeOnThePageSaysHowManyPricesChanged() {
        AdminCalls api = new AdminCalls(port);
        String list = api.newList("page-bulk");
        for (int i = 0; i < 3; i++) {
            api.put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices",
                    "{\"sku\":\"" + AdminCalls.sku(jdbc, "nuts", i) + "\",\"tiers\":[{\"minQty\":1,\"amount\":10}]}");
        }
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = token(session, "/admin/pricing/price-lists/" + list + "?lang=en");

        var done = session.post("/admin/pricing/price-lists/" + list + "/adjust", "_csrf=" + token
                + "&percent=" + enc("+3") + "&category=nuts&brand=", null);
        var bad = session.post("/admin/pricing/price-lists/" + list + "/adjust", "_csrf=" + token
                + "&percent=" + enc("3%") + "&category=&brand=", null);

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(session.get("/admin/pricing/price-lists/" + list, "en").body())
                .contains("3 prices changed by +3\u00a0%.");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("\u201c3%\u201d is not a number");
        assertThat(jdbc.sql("""
                        select sum(amount) from pricing.price
                         where price_list_id = (select id from pricing.price_list where code = :l)""")
                .param("l", list).query(BigDecimal.class).single()).isEqualByComparingTo("30.90");
    }

    @Test
    void everyMemberOfStaffReadsThePricingPagesButOnlyPricingEditorsChangeThem() {
        String list = new AdminCalls(port).newList("roles");
        WebSession ops = new WebSession(port).login(OPS, "demo");
        for (String path : List.of("/admin/pricing/price-lists", "/admin/pricing/price-lists/" + list,
                "/admin/pricing/price-types", "/admin/pricing/promotions", "/admin/pricing/promotions/calendar",
                "/admin/pricing/contract-prices")) {
            var page = ops.get(path, "en");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("data-testid=\"pricing-tabs\"").doesNotContain("data-testid=\"header-form\"");
        }
        String token = token(ops, "/admin/pricing/price-lists/" + list);
        assertThat(ops.post("/admin/pricing/price-lists/" + list + "/adjust", "_csrf=" + token + "&percent=3", null)
                .statusCode()).isEqualTo(403);
        WebSession manager = new WebSession(port).login(MANAGER, "demo");
        assertThat(manager.post("/admin/pricing/price-types", "_csrf=" + token(manager, "/admin/pricing/price-types")
                + "&code=x&name=x&kind=LIST&priceList=base", null).statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).login(CATALOG, "demo").get("/admin/pricing/price-lists/" + list, "en").body())
                .contains("data-testid=\"header-form\"").contains("data-testid=\"adjust-form\"");
    }

    @Test
    void buyersGetForbiddenOnEveryPricingPageAndCall() {
        WebSession buyer = new WebSession(port).login(BUYER, "demo");
        for (String path : List.of("/admin/pricing", "/admin/pricing/price-lists", "/admin/pricing/price-lists/base",
                "/admin/pricing/price-types", "/admin/pricing/promotions", "/admin/pricing/promotions/calendar",
                "/admin/pricing/contract-prices", "/admin/pricing/preview")) {
            assertThat(buyer.get(path, "en").statusCode()).as(path).isEqualTo(403);
        }
        String token = WebSession.csrfToken(buyer.get("/company", "en").body());
        assertThat(buyer.post("/admin/pricing/price-lists/base/adjust", "_csrf=" + token + "&percent=50", null)
                .statusCode()).isEqualTo(403);
        AdminCalls api = new AdminCalls(port);
        for (String path : List.of("/api/v1/admin/pricing/price-lists", "/api/v1/admin/pricing/price-lists/base/prices",
                "/api/v1/admin/pricing/price-types", "/api/v1/admin/pricing/group-price-types",
                "/api/v1/admin/pricing/promotions")) {
            assertThat(api.get(BUYER, path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(api.post(BUYER, "/api/v1/admin/pricing/price-lists/base/adjustments", "{\"percent\":50}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theStaffNavigationLeadsToPricing() {
        String home = new WebSession(port).login(OPS, "demo").get("/admin", "en").body();

        assertThat(home).contains("href=\"/admin/pricing\">Pricing</a>");
        assertThat(new WebSession(port).login(CATALOG, "demo").get("/admin/pricing", "en").headers()
                .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/pricing/price-lists"));
    }

    private static String token(WebSession session, String path) {
        return WebSession.csrfToken(session.get(path, "en").body());
    }

    private static java.net.http.HttpResponse<String> post(WebSession session, String token, String list, long product,
            String form) {
        return session.post("/admin/pricing/price-lists/" + list + "/prices/" + product, "_csrf=" + token + "&" + form,
                null);
    }

    private List<BigDecimal> tiers(String list, String sku) {
        return jdbc.sql("""
                        select amount from pricing.price
                         where price_list_id = (select id from pricing.price_list where code = :l)
                           and product_id = (select id from catalog.product where sku = :sku) order by min_qty""")
                .param("l", list).param("sku", sku).query(BigDecimal.class).list();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
