package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.BUYER;
import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static io.b2bportal.pricing.admin.AdminCalls.MANAGER;
import static io.b2bportal.pricing.admin.AdminCalls.OPS;
import static org.assertj.core.api.Assertions.assertThat;

/** Promotions: whole and checked before saving, shown with their status, and placed on the calendar. */
@PortalTest
class PricingPromotionsTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    AdminCalls api() {
        return new AdminCalls(port);
    }

    @Test
    void aGroupPromotionOnACategoryIsSavedWithItsTargetsScopesAndStatus() {
        long dealers = group("dealers");
        OffsetDateTime start = OffsetDateTime.now().minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        String sku = AdminCalls.sku(jdbc, "bolts", 3);

        var created = api().post(CATALOG, "/api/v1/admin/pricing/promotions", body("Dealer week", start, start.plusDays(7),
                "\"target\":\"GROUPS\",\"groupIds\":[" + dealers + "],\"skus\":[\"" + sku + "\"],\"categories\":[\"bolts\"],"
                        + "\"brands\":[\"Fixpro\"],\"effect\":\"PERCENT_OFF\",\"value\":12.5,\"minLineQty\":10,"
                        + "\"minOrderAmount\":5000,\"priority\":5,\"stacksWithContract\":true"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"target\":\"GROUPS\"").contains("\"groups\":[{\"id\":" + dealers)
                .contains("\"skus\":[\"" + sku + "\"]").contains("\"code\":\"bolts\"").contains("\"brands\":[\"Fixpro\"]")
                .contains("\"effect\":\"PERCENT_OFF\",\"value\":12.5000").contains("\"minLineQty\":10.000")
                .contains("\"priority\":5,\"stacksWithContract\":true,\"active\":true,\"status\":\"RUNNING\"");
        long id = id(created.body());
        assertThat(jdbc.sql("select count(*) from pricing.promotion_scope where promotion_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(3);
        // a promotion is {"id":…,"name":…}; a category in a scope is {"id":…,"code":…} and may have the same id
        assertThat(api().get(OPS, "/api/v1/admin/pricing/promotions?status=RUNNING").body())
                .contains("{\"id\":" + id + ",\"name\":");
        assertThat(api().get(OPS, "/api/v1/admin/pricing/promotions?status=SCHEDULED").body())
                .doesNotContain("{\"id\":" + id + ",\"name\":");
    }

    @Test
    void badPromotionsAreRefusedFieldByFieldAndNothingIsSaved() {
        long before = count();
        OffsetDateTime start = OffsetDateTime.now().plusDays(3);

        var endsBeforeStart = api().post(CATALOG, "/api/v1/admin/pricing/promotions", body("X", start, start.minusHours(1),
                "\"target\":\"EVERYONE\",\"categories\":[\"bolts\"],\"effect\":\"PERCENT_OFF\",\"value\":10"));
        var overHundred = api().post(CATALOG, "/api/v1/admin/pricing/promotions", body("X", start, start.plusDays(1),
                "\"target\":\"EVERYONE\",\"categories\":[\"bolts\"],\"effect\":\"PERCENT_OFF\",\"value\":100.01"));
        var negative = api().post(CATALOG, "/api/v1/admin/pricing/promotions", body("X", start, start.plusDays(1),
                "\"target\":\"EVERYONE\",\"categories\":[\"bolts\"],\"effect\":\"AMOUNT_OFF\",\"value\":-5"));
        var emptyScope = api().post(CATALOG, "/api/v1/admin/pricing/promotions", body("X", start, start.plusDays(1),
                "\"target\":\"EVERYONE\",\"skus\":[],\"effect\":\"SPECIAL_PRICE\",\"value\":99.9"));
        var unknowns = api().post(CATALOG, "/api/v1/admin/pricing/promotions", body("X", start, start.plusDays(1),
                "\"target\":\"GROUPS\",\"groupIds\":[],\"skus\":[\"NO-SUCH-1\",\"NO-SUCH-2\"],\"categories\":[\"no-such\"],"
                        + "\"brands\":[\"NoSuchBrand\"],\"effect\":\"PERCENT_OFF\",\"value\":5,\"minLineQty\":0"));

        assertThat(endsBeforeStart.statusCode()).isEqualTo(422);
        assertThat(endsBeforeStart.body()).contains("\"field\":\"endsAt\"").contains("must end after it starts");
        assertThat(overHundred.body()).contains("\"field\":\"value\"").contains("cannot exceed 100");
        assertThat(negative.body()).contains("\"field\":\"value\"").contains("The value cannot be negative");
        assertThat(emptyScope.body()).contains("\"field\":\"scope\"").contains("at least one SKU, category or brand");
        assertThat(unknowns.body()).contains("\"field\":\"groupIds\"")
                .contains("No products with these SKUs (2): NO-SUCH-1, NO-SUCH-2.")
                .contains("\"field\":\"categories\"").contains("no-such").contains("\"field\":\"brands\"")
                .contains("NoSuchBrand").contains("\"field\":\"minLineQty\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyPricingEditorsChangePromotionsAndBuyersSeeNoneOfIt() {
        OffsetDateTime start = OffsetDateTime.now().plusDays(1);
        String json = body("Y", start, start.plusDays(1), "\"target\":\"EVERYONE\",\"categories\":[\"nuts\"],"
                + "\"effect\":\"PERCENT_OFF\",\"value\":5");

        assertThat(api().post(MANAGER, "/api/v1/admin/pricing/promotions", json).statusCode()).isEqualTo(403);
        assertThat(api().post(OPS, "/api/v1/admin/pricing/promotions", json).statusCode()).isEqualTo(403);
        assertThat(api().post(BUYER, "/api/v1/admin/pricing/promotions", json).statusCode()).isEqualTo(403);
        assertThat(api().get(BUYER, "/api/v1/admin/pricing/promotions").statusCode()).isEqualTo(403);
        assertThat(api().get(MANAGER, "/api/v1/admin/pricing/promotions").statusCode()).isEqualTo(200);
        assertThat(api().post("head@demo.local", "/api/v1/admin/pricing/promotions", json).statusCode()).isEqualTo(201);
    }

    @Test
    void thePageFormSavesAPromotionInMoscowTimeAndTheCalendarShowsIt() {
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = WebSession.csrfToken(session.get("/admin/pricing/promotions/new", "en").body());
        LocalDate day = LocalDate.now(MOSCOW).plusDays(2);
        String name = AdminCalls.code("Washers week");

        var saved = session.post("/admin/pricing/promotions", "_csrf=" + token + "&name=" + enc(name)
                + "&startsAt=" + day + "T09:00&endsAt=" + day.plusDays(5) + "T00:00&target=EVERYONE"
                + "&categories=washers&skus=&brands=&effect=SPECIAL_PRICE&value=" + enc("0.99")
                + "&minLineQty=&minOrderAmount=&priority=1&active=true", null);

        assertThat(saved.statusCode()).isEqualTo(302);
        OffsetDateTime startsAt = jdbc.sql("select starts_at from pricing.promotion where name = :n").param("n", name)
                .query(OffsetDateTime.class).single();
        assertThat(startsAt.toInstant()).isEqualTo(day.atTime(9, 0).atZone(MOSCOW).toInstant());
        long id = jdbc.sql("select id from pricing.promotion where name = :n").param("n", name).query(Long.class).single();

        String calendar = session.get("/admin/pricing/promotions/calendar", "en").body();
        assertThat(calendar).contains("data-testid=\"bar-" + id + "\"").contains("data-testid=\"today\"");
        // day 1 of the window is column 2; the last day shown is the day before the (midnight) end
        int first = day.getDayOfMonth() + 1;
        Matcher bar = Pattern.compile("grid-column: (\\d+) / (\\d+)\"[^>]*data-testid=\"bar-" + id + "\"").matcher(calendar);
        assertThat(bar.find()).as(calendar).isTrue();
        if (day.getMonth() == LocalDate.now(MOSCOW).getMonth()) {
            assertThat(Integer.parseInt(bar.group(1))).isEqualTo(first);
        }
        assertThat(Integer.parseInt(bar.group(2)) - Integer.parseInt(bar.group(1))).isEqualTo(5);
    }

    @Test
    void thePageFormShowsEachErrorAndKeepsWhatWasTyped() {
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = WebSession.csrfToken(session.get("/admin/pricing/promotions/new", "en").body());
        long before = count();

        var refused = session.post("/admin/pricing/promotions?lang=en", "_csrf=" + token + "&name=Broken"
                + "&startsAt=2027-01-10T00:00&endsAt=2027-01-09T00:00&target=EVERYONE&skus=" + enc("NOPE-1")
                + "&brands=&effect=PERCENT_OFF&value=150&priority=0&active=true", null);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"endsAt-error\"").contains("must end after it starts")
                .contains("There is no product with the SKU NOPE-1.").contains("data-testid=\"value-error\"")
                .contains("cannot exceed 100").contains("value=\"Broken\"").contains("2027-01-10T00:00");
        assertThat(count()).isEqualTo(before);
    }

    private static String body(String name, OffsetDateTime start, OffsetDateTime end, String rest) {
        return "{\"name\":\"" + name + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\"," + rest + "}";
    }

    private long group(String code) {
        return jdbc.sql("select id from customers.customer_group where code = :c").param("c", code).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from pricing.promotion").query(Long.class).single();
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("^\\{\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
