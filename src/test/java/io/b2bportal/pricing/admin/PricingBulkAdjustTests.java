package io.b2bportal.pricing.admin;

import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.pricing.admin.AdminCalls.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk percentage change: exactly the selected rows change, each by the right kopecks (rounded HALF_UP), the
 * answer counts the rows that changed, and bad input changes nothing.
 */
@PortalTest
class PricingBulkAdjustTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String list;
    String fixproBolt;
    String bulloniBolt;
    String nut;
    String drill;

    @BeforeEach
    void aListWithBoltsNutsAndATool() {
        AdminCalls api = new AdminCalls(port);
        list = api.newList("bulk");
        fixproBolt = first("bolts", "Fixpro");
        bulloniBolt = first("bolts", "Bulloni");
        nut = AdminCalls.sku(jdbc, "nuts", 0);
        drill = AdminCalls.sku(jdbc, "power-tools", 0);
        set(fixproBolt, "[{\"minQty\":1,\"amount\":12.35},{\"minQty\":100,\"amount\":0.50}]");
        set(bulloniBolt, "[{\"minQty\":1,\"amount\":0.10}]");
        set(nut, "[{\"minQty\":1,\"amount\":19.99},{\"minQty\":10,\"amount\":19.00}]");
        set(drill, "[{\"minQty\":1,\"amount\":100.00}]");
    }

    @Test
    void threePercentOnTheFastenersSubtreeChangesOnlyFastenersRoundedHalfUpToKopecks() {
        var result = adjust("{\"percent\":3,\"category\":\"fasteners\"}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        // 0.10 × 1.03 = 0.103 rounds back to 0.10: not written, not counted
        assertThat(result.body()).isEqualTo("{\"changed\":4}");
        assertThat(prices()).containsExactlyInAnyOrderEntriesOf(expected(
                fixproBolt + "@1", "12.7200",   // 12.35 × 1.03 = 12.7205
                fixproBolt + "@100", "0.5200",  // 0.50 × 1.03 = 0.515, HALF_UP
                bulloniBolt + "@1", "0.1000",
                nut + "@1", "20.5900",          // 19.99 × 1.03 = 20.5897
                nut + "@10", "19.5700",         // 19.00 × 1.03 = 19.57
                drill + "@1", "100.0000"));     // tools: outside the category
    }

    @Test
    void aBrandAloneOrWithACategoryNarrowsTheChange() {
        String drillBrand = AdminCalls.brandOf(jdbc, drill);

        assertThat(adjust("{\"percent\":-5,\"brand\":\"" + drillBrand + "\"}").body()).isEqualTo("{\"changed\":1}");
        assertThat(adjust("{\"percent\":-10,\"category\":\"bolts\",\"brand\":\"Fixpro\"}").body())
                .isEqualTo("{\"changed\":2}");

        assertThat(prices()).containsExactlyInAnyOrderEntriesOf(expected(
                fixproBolt + "@1", "11.1200",   // 12.35 × 0.90 = 11.115, HALF_UP
                fixproBolt + "@100", "0.4500",  // 0.50 × 0.90
                bulloniBolt + "@1", "0.1000",
                nut + "@1", "19.9900",
                nut + "@10", "19.0000",
                drill + "@1", "95.0000"));      // 100.00 × 0.95
    }

    @Test
    void badInputIsRefusedAndNothingChanges() {
        Map<String, BigDecimal> before = prices();

        var zero = adjust("{\"percent\":0}");
        var minusHundred = adjust("{\"percent\":-100}");
        var missing = adjust("{\"category\":\"bolts\"}");
        var text = adjust("{\"percent\":\"3%\"}");
        var unknownCategory = adjust("{\"percent\":3,\"category\":\"no-such-category\"}");
        var tooFine = adjust("{\"percent\":3.00001}");

        assertThat(zero.statusCode()).isEqualTo(422);
        assertThat(zero.body()).contains("\"field\":\"percent\"");
        assertThat(minusHundred.body()).contains("\"field\":\"percent\"");
        assertThat(missing.body()).contains("\"field\":\"percent\"");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("\"field\":\"percent\"").contains("JSON number");
        assertThat(unknownCategory.body()).contains("\"field\":\"category\"").contains("no-such-category");
        assertThat(tooFine.body()).contains("\"field\":\"percent\"");
        assertThat(prices()).isEqualTo(before);
    }

    @Test
    void theChangeIsRecordedOnTheRowsTheListAndTheAuditLog() {
        adjust("{\"percent\":3,\"category\":\"fasteners\"}");

        assertThat(jdbc.sql("""
                        select count(*) from pricing.price pr join platform.user_account u on u.id = pr.updated_by
                         where pr.price_list_id = (select id from pricing.price_list where code = :list)
                           and u.email = :email and pr.updated_at > now() - interval '1 minute'""")
                .param("list", list).param("email", CATALOG).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("""
                        select subject from platform.audit_log where action = 'pricing.prices.adjusted'
                         and subject like :list || '%' order by id desc limit 1""")
                .param("list", list).query(String.class).single())
                .isEqualTo(list + " +3 %, category fasteners: 4 prices");
    }

    private String first(String category, String brand) {
        return jdbc.sql("""
                        select p.sku from catalog.product p join catalog.category c on c.id = p.category_id
                         where c.code = :category and p.brand = :brand order by p.sku limit 1""")
                .param("category", category).param("brand", brand).query(String.class).single();
    }

    private void set(String sku, String tiers) {
        var saved = new AdminCalls(port).put(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/prices",
                "{\"sku\":\"" + sku + "\",\"tiers\":" + tiers + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> adjust(String body) {
        return new AdminCalls(port).post(CATALOG, "/api/v1/admin/pricing/price-lists/" + list + "/adjustments", body);
    }

    private Map<String, BigDecimal> prices() {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.sku, pr.min_qty, pr.amount from pricing.price pr join catalog.product p on p.id = pr.product_id
                         where pr.price_list_id = (select id from pricing.price_list where code = :list)
                         order by p.sku, pr.min_qty""")
                .param("list", list)
                .query((rs, n) -> prices.put(rs.getString(1) + "@" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString(),
                        rs.getBigDecimal(3))).list();
        return prices;
    }

    private static Map<String, BigDecimal> expected(String... keyValues) {
        Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            expected.put(keyValues[i], new BigDecimal(keyValues[i + 1]));
        }
        return expected;
    }
}
