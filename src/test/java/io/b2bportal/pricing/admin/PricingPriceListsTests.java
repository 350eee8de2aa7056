package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

/** Price lists through the admin API: headers, one product's tiers, bad input that changes nothing. */
@PortalTest
class PricingPriceListsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    AdminCalls api() {
        return new AdminCalls(port);
    }

    @Test
    void aPricingManagerCreatesAListAndSetsTiersWhichAreStoredWithWhoAndWhen() {
        String list = api().newList("tiers");
        String sku = AdminCalls.sku(jdbc, "bolts", 0);

        var saved = api().put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices",
                "{\"sku\":\"" + sku + "\",\"tiers\":[{\"minQty\":100,\"amount\":11.9},{\"minQty\":1,\"amount\":12.50},"
                        + "{\"minQty\":10,\"amount\":12.0450}]}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"sku\":\"" + sku + "\"");
        assertThat(tiers(list, sku)).containsExactly(
                Map.entry(new BigDecimal("1.000"), new BigDecimal("12.5000")),
                Map.entry(new BigDecimal("10.000"), new BigDecimal("12.0450")),
                Map.entry(new BigDecimal("100.000"), new BigDecimal("11.9000")));
        assertThat(jdbc.sql("""
                        select count(*) from pricing.price pr join platform.user_account u on u.id = pr.updated_by
                         where pr.price_list_id = (select id from pricing.price_list where code = :list)
                           and u.email = :email""")
                .param("list", list).param("email", CATALOG).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                        select subject from platform.audit_log where action = 'pricing.prices.changed'
                         order by id desc limit 1""").query(String.class).single())
                .isEqualTo(list + " " + sku + ": — → 1:12.5 10:12.045 100:11.9");
        var page = api().get(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices?q=" + sku);
        assertThat(page.body()).contains("\"total\":1").contains("\"minQty\":10.000,\"amount\":12.0450");
        assertThat(api().get(CATALOG, "/api/v1/admin/pricing/price-lists/" + list).body())
                .contains("\"products\":1,\"prices\":3");
    }

    @Test
    void replacingTiersDropsTheOmittedOnes() {
        String list = api().newList("replace");
        String sku = AdminCalls.sku(jdbc, "nuts", 0);
        put(list, sku, "[{\"minQty\":1,\"amount\":5},{\"minQty\":50,\"amount\":4.5}]");

        var saved = put(list, sku, "[{\"minQty\":1,\"amount\":5.2}]");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(tiers(list, sku)).containsExactly(Map.entry(new BigDecimal("1.000"), new BigDecimal("5.2000")));
    }

    @Test
    void badTiersAreRefusedFieldByFieldAndChangeNothing() {
        String list = api().newList("bad");
        String sku = AdminCalls.sku(jdbc, "bolts", 1);
        put(list, sku, "[{\"minQty\":1,\"amount\":10}]");

        var negative = put(list, sku, "[{\"minQty\":1,\"amount\":-1}]");
        var zeroQty = put(list, sku, "[{\"minQty\":0,\"amount\":9}]");
        var duplicate = put(list, sku, "[{\"minQty\":1,\"amount\":9},{\"minQty\":1.000,\"amount\":8}]");
        var raises = put(list, sku, "[{\"minQty\":1,\"amount\":9},{\"minQty\":10,\"amount\":9.5}]");
        var empty = put(list, sku, "[]");
        var unknownSku = api().put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices",
                "{\"sku\":\"NO-SUCH-SKU\",\"tiers\":[{\"minQty\":1,\"amount\":1}]}");

        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).contains("\"field\":\"tiers[0].amount\"").contains("A price cannot be negative.");
        assertThat(zeroQty.body()).contains("\"field\":\"tiers[0].minQty\"").contains("above zero");
        assertThat(duplicate.body()).contains("\"field\":\"tiers[1].minQty\"").contains("There is already a price from 1.");
        assertThat(raises.body()).contains("\"field\":\"tiers[1].amount\"")
                .contains("The price from 10 is above the price from 1 (9)");
        assertThat(empty.body()).contains("\"field\":\"tiers\"");
        assertThat(unknownSku.statusCode()).isEqualTo(422);
        assertThat(unknownSku.body()).contains("\"field\":\"sku\"").contains("NO-SUCH-SKU");
        assertThat(tiers(list, sku)).containsExactly(Map.entry(new BigDecimal("1.000"), new BigDecimal("10.0000")));
    }

    @Test
    void theApiTakesJsonNumbersOnlyAndNamesTheField() {
        String list = api().newList("json");
        String sku = AdminCalls.sku(jdbc, "bolts", 2);
        put(list, sku, "[{\"minQty\":1,\"amount\":10}]");

        var comma = put(list, sku, "[{\"minQty\":1,\"amount\":\"1 234,50\"}]");
        var quoted = put(list, sku, "[{\"minQty\":\"1\",\"amount\":12.5}]");

        assertThat(comma.statusCode()).isEqualTo(422);
        assertThat(comma.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(comma.body()).contains("\"field\":\"tiers[0].amount\"").contains("Send a JSON number here");
        assertThat(quoted.statusCode()).isEqualTo(422);
        assertThat(quoted.body()).contains("\"field\":\"tiers[0].minQty\"");
        assertThat(tiers(list, sku)).containsExactly(Map.entry(new BigDecimal("1.000"), new BigDecimal("10.0000")));
    }

    @Test
    void aHeaderIsCheckedAndItsCodeIsUnique() {
        String list = api().newList("header");

        var again = api().post(CATALOG, "/api/v1/admin/pricing/price-lists",
                "{\"code\":\"" + list + "\",\"name\":\"Again\",\"currency\":\"RUB\",\"includesVat\":true}");
        var bad = api().post(CATALOG, "/api/v1/admin/pricing/price-lists",
                "{\"code\":\"Bad Code\",\"name\":\"\",\"currency\":\"rub\",\"includesVat\":null}");
        var renamed = api().put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list,
                "{\"name\":\"Dealers 2027\",\"currency\":\"USD\",\"includesVat\":false}");

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already exists");
        assertThat(bad.body()).contains("\"field\":\"code\"").contains("\"field\":\"name\"")
                .contains("\"field\":\"currency\"").contains("\"field\":\"includesVat\"");
        assertThat(jdbc.sql("select count(*) from pricing.price_list where code = 'Bad Code'").query(Long.class).single())
                .isZero();
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"name\":\"Dealers 2027\"").contains("\"currency\":\"USD\"")
                .contains("\"includesVat\":false");
    }

    @Test
    void theBaseListAndAListAPriceTypeUsesAreNotDeleted() {
        String list = api().newList("used");
        String type = AdminCalls.code("type");
        assertThat(api().post(CATALOG, "/api/v1/admin/pricing/price-types", "{\"code\":\"" + type
                + "\",\"name\":\"T\",\"kind\":\"LIST\",\"priceList\":\"" + list + "\"}").statusCode()).isEqualTo(201);

        assertThat(api().delete(CATALOG, "/api/v1/admin/pricing/price-lists/" + list).statusCode()).isEqualTo(409);
        assertThat(api().delete(CATALOG, "/api/v1/admin/pricing/price-lists/base").statusCode()).isEqualTo(409);
        String unused = api().newList("unused");
        assertThat(api().delete(CATALOG, "/api/v1/admin/pricing/price-lists/" + unused).statusCode()).isEqualTo(204);
        assertThat(api().get(CATALOG, "/api/v1/admin/pricing/price-lists/" + unused).statusCode()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> put(String list, String sku, String tiers) {
        return api().put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices",
                "{\"sku\":\"" + sku + "\",\"tiers\":" + tiers + "}");
    }

    private List<Map.Entry<BigDecimal, BigDecimal>> tiers(String list, String sku) {
        return jdbc.sql("""
                        select pr.min_qty, pr.amount from pricing.price pr
                         where pr.price_list_id = (select id from pricing.price_list where code = :list)
                           and pr.product_id = (select id from catalog.product where sku = :sku)
                         order by pr.min_qty""")
                .param("list", list).param("sku", sku)
                .query((rs, n) -> Map.entry(rs.getBigDecimal(1), rs.getBigDecimal(2))).list();
    }
}
