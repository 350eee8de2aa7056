package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

/** Price types: chains are shown, cycles and bad values refused before anything is written, used types kept. */
@PortalTest
class PricingPriceTypesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    AdminCalls api() {
        return new AdminCalls(port);
    }

    @Test
    void aDerivedTypeChainsDownToAPriceList() {
        String dealer = derived(AdminCalls.code("dealer"), "base", "PERCENT", "-15", "ROUBLE");
        String vip = derived(AdminCalls.code("vip"), dealer, "AMOUNT", "-2.5", "NINETY");

        var shown = api().get(CATALOG, "/api/v1/admin/pricing/price-types/" + vip);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"kind\":\"DERIVED\"").contains("\"parent\":\"" + dealer + "\"")
                .contains("\"adjustmentKind\":\"AMOUNT\",\"adjustment\":-2.5").contains("\"rounding\":\"NINETY\"")
                .contains("\"chain\":[{\"code\":\"" + vip + "\"").contains("{\"code\":\"" + dealer + "\",\"parent\":\"base\"")
                .contains("{\"code\":\"base\",\"parent\":null,\"adjustmentKind\":null,\"adjustment\":null,\"rounding\":\"KOPECK\",\"priceList\":\"base\"}]");
        var page = new WebSession(port).login(CATALOG, "demo").get("/admin/pricing/price-types", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(dealer).contains("−15\u00a0%").contains("to whole roubles").contains("list base");
    }

    @Test
    void aTypeDerivingFromItselfDirectlyOrThroughOthersIsRefusedAndNothingChanges() {
        String a = derived(AdminCalls.code("a"), "base", "PERCENT", "-1", "KOPECK");
        String b = derived(AdminCalls.code("b"), a, "PERCENT", "-1", "KOPECK");
        String c = derived(AdminCalls.code("c"), b, "PERCENT", "-1", "KOPECK");

        var self = api().put(CATALOG, "/api/v1/admin/pricing/price-types/" + a, body(a, a, "PERCENT", "-1", "KOPECK"));
        var through = api().put(CATALOG, "/api/v1/admin/pricing/price-types/" + a, body(a, c, "PERCENT", "-1", "KOPECK"));
        var newSelf = api().post(CATALOG, "/api/v1/admin/pricing/price-types", body("self-" + a, "self-" + a, "PERCENT", "-1", "KOPECK"));

        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("\"field\":\"parent\"");
        assertThat(through.statusCode()).isEqualTo(422);
        assertThat(through.body()).contains("\"field\":\"parent\"")
                .contains("the chain would lead back to itself (" + a + " → " + c + " → " + b + " → " + a + ")");
        assertThat(newSelf.statusCode()).isEqualTo(422);
        assertThat(parentOf(a)).isEqualTo("base");
    }

    @Test
    void twoConcurrentEditsCannotCloseACycleBetweenThem() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = derived(AdminCalls.code("ca"), "base", "PERCENT", "-1", "KOPECK");
            String b = derived(AdminCalls.code("cb"), "base", "PERCENT", "-1", "KOPECK");
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var aOnB = pool.submit(() -> {
                    start.await();
                    return api().put(CATALOG, "/api/v1/admin/pricing/price-types/" + a, body(a, b, "PERCENT", "-1", "KOPECK"));
                });
                var bOnA = pool.submit(() -> {
                    start.await();
                    return api().put(CATALOG, "/api/v1/admin/pricing/price-types/" + b, body(b, a, "PERCENT", "-1", "KOPECK"));
                });
                start.countDown();
                int ok = (aOnB.get().statusCode() == 200 ? 1 : 0) + (bOnA.get().statusCode() == 200 ? 1 : 0);

                assertThat(ok).as("round %d: one edit wins, the other is refused", round).isEqualTo(1);
                assertThat(parentOf(a).equals(b) && parentOf(b).equals(a)).isFalse();
            }
        }
    }

    @Test
    void theCyclePageShowsTheErrorNextToTheParent() {
        String a = derived(AdminCalls.code("pa"), "base", "PERCENT", "-1", "KOPECK");
        String b = derived(AdminCalls.code("pb"), a, "PERCENT", "-1", "KOPECK");
        WebSession session = new WebSession(port).login(CATALOG, "demo");
        String token = WebSession.csrfToken(session.get("/admin/pricing/price-types/" + a, "en").body());

        var response = session.post("/admin/pricing/price-types/" + a + "?lang=en", "_csrf=" + token
                + "&name=A&kind=DERIVED&parent=" + b + "&adjustmentKind=PERCENT&adjustment=-1&rounding=KOPECK", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data-testid=\"parent-error\"")
                .contains("the chain would lead back to itself (" + a + " → " + b + " → " + a + ")");
        assertThat(parentOf(a)).isEqualTo("base");
    }

    @Test
    void badValuesAreRefusedFieldByField() {
        var response = api().post(CATALOG, "/api/v1/admin/pricing/price-types", """
                {"code":"Bad!","name":"","kind":"DERIVED","parent":"no-such-type","adjustmentKind":"PERCENT",
                 "adjustment":-100,"rounding":null}""");
        var listKind = api().post(CATALOG, "/api/v1/admin/pricing/price-types",
                "{\"code\":\"" + AdminCalls.code("l") + "\",\"name\":\"L\",\"kind\":\"LIST\",\"priceList\":\"no-such-list\"}");
        var unknownEnum = api().post(CATALOG, "/api/v1/admin/pricing/price-types",
                "{\"code\":\"x\",\"name\":\"X\",\"kind\":\"DERIVED\",\"rounding\":\"HALF\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"code\"").contains("\"field\":\"name\"")
                .contains("\"field\":\"parent\"").contains("\"field\":\"adjustment\"").contains("\"field\":\"rounding\"");
        assertThat(listKind.body()).contains("\"field\":\"priceList\"").contains("no-such-list");
        assertThat(unknownEnum.statusCode()).isEqualTo(422);
        assertThat(unknownEnum.body()).contains("\"field\":\"rounding\"").contains("KOPECK, ROUBLE, TEN_ROUBLES, NINETY");
    }

    @Test
    void baseStaysAListAndIsNeverDeleted() {
        var derivedBase = api().put(CATALOG, "/api/v1/admin/pricing/price-types/base",
                body("base", "base", "PERCENT", "-1", "KOPECK").replace("\"name\":\"T\"", "\"name\":\"Base\""));
        var deleted = api().delete(CATALOG, "/api/v1/admin/pricing/price-types/base");

        assertThat(derivedBase.statusCode()).isEqualTo(422);
        assertThat(derivedBase.body()).contains("\"field\":\"kind\"");
        assertThat(deleted.statusCode()).isEqualTo(409);
        assertThat(parentOf("base")).isNull();
    }

    @Test
    void aTypeUsedByADerivedTypeAGroupOrAContractIsNotDeleted() {
        String parent = derived(AdminCalls.code("parent"), "base", "PERCENT", "-5", "KOPECK");
        derived(AdminCalls.code("child"), parent, "PERCENT", "-5", "KOPECK");
        String forGroup = derived(AdminCalls.code("group"), "base", "PERCENT", "-5", "KOPECK");
        String forContract = derived(AdminCalls.code("contract"), "base", "PERCENT", "-5", "KOPECK");
        long group = jdbc.sql("select id from customers.customer_group where code = 'retail-chains'").query(Long.class).single();
        String before = groupType(group);
        assertThat(api().put(CATALOG, "/api/v1/admin/pricing/group-price-types/" + group,
                "{\"priceType\":\"" + forGroup + "\"}").statusCode()).isEqualTo(200);
        long contract = jdbc.sql("select id from customers.contract order by id limit 1").query(Long.class).single();
        String contractType = jdbc.sql("select price_type from customers.contract where id = :id").param("id", contract)
                .query(String.class).single();
        jdbc.sql("update customers.contract set price_type = :t where id = :id").param("t", forContract)
                .param("id", contract).update();
        try {
            var byChild = api().delete(CATALOG, "/api/v1/admin/pricing/price-types/" + parent);
            var byGroup = api().delete(CATALOG, "/api/v1/admin/pricing/price-types/" + forGroup);
            var byContract = api().delete(CATALOG, "/api/v1/admin/pricing/price-types/" + forContract);

            assertThat(byChild.statusCode()).isEqualTo(409);
            assertThat(byChild.body()).contains("is in use");
            assertThat(byGroup.statusCode()).isEqualTo(409);
            assertThat(byContract.statusCode()).isEqualTo(409);
            assertThat(byContract.body()).contains("contracts: 1");
            String unused = derived(AdminCalls.code("unused"), "base", "PERCENT", "-5", "KOPECK");
            assertThat(api().delete(CATALOG, "/api/v1/admin/pricing/price-types/" + unused).statusCode()).isEqualTo(204);
        } finally {
            jdbc.sql("update customers.contract set price_type = :t where id = :id").param("t", contractType)
                    .param("id", contract).update();
            api().put(CATALOG, "/api/v1/admin/pricing/group-price-types/" + group,
                    before == null ? "{\"priceType\":null}" : "{\"priceType\":\"" + before + "\"}");
        }
    }

    @Test
    void groupsGetTheirPriceTypeOnThePageAndBackToBase() {
        String type = derived(AdminCalls.code("grp"), "base", "PERCENT", "-7", "ROUBLE");
        long group = jdbc.sql("select id from customers.customer_group where code = 'retail-chains'").query(Long.class).single();
        String before = groupType(group);
        WebSession session = new WebSession(port).login("head@demo.local", "demo");
        String token = WebSession.csrfToken(session.get("/admin/pricing/price-types", "en").body());
        try {
            var saved = session.post("/admin/pricing/group-price-types", "_csrf=" + token + "&group-" + group + "=" + type, null);
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(groupType(group)).isEqualTo(type);
            assertThat(jdbc.sql("""
                            select u.email from pricing.group_price_type g join platform.user_account u on u.id = g.updated_by
                             where g.group_id = :g""").param("g", group).query(String.class).single())
                    .isEqualTo("head@demo.local");

            var unknown = api().put(CATALOG, "/api/v1/admin/pricing/group-price-types/" + group, "{\"priceType\":\"nope\"}");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(groupType(group)).isEqualTo(type);

            session.post("/admin/pricing/group-price-types", "_csrf=" + token + "&group-" + group + "=", null);
            assertThat(groupType(group)).isNull();
        } finally {
            api().put(CATALOG, "/api/v1/admin/pricing/group-price-types/" + group,
                    before == null ? "{\"priceType\":null}" : "{\"priceType\":\"" + before + "\"}");
        }
    }

    private String derived(String code, String parent, String kind, String value, String rounding) {
        var created = api().post(CATALOG, "/api/v1/admin/pricing/price-types", body(code, parent, kind, value, rounding));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static String body(String code, String parent, String kind, String value, String rounding) {
        return "{\"code\":\"" + code + "\",\"name\":\"T\",\"kind\":\"DERIVED\",\"parent\":\"" + parent
                + "\",\"adjustmentKind\":\"" + kind + "\",\"adjustment\":" + value + ",\"rounding\":\"" + rounding + "\"}";
    }

    private String parentOf(String code) {
        return jdbc.sql("select parent_code from pricing.price_type where code = :c").param("c", code)
                .query(String.class).optional().orElse(null);
    }

    private String groupType(long group) {
        return jdbc.sql("select price_type_code from pricing.group_price_type where group_id = :g").param("g", group)
                .query(String.class).optional().orElse(null);
    }
}
