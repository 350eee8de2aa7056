package io.b2bportal.pricing;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's price range filters on the caller's own price (contract prices, promotions), and counts on what is left. */
@PortalTest
class CatalogPriceFilterTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALPHA = basic("buyer@alpha.demo", "demo");
    private static final String BETA = basic("buyer@beta.demo", "demo");

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aRangeKeepsExactlyTheProductsWhosePriceForTheBuyerLiesInIt() {
        String bolts = "q=" + enc("болт") + "&a.thread=M8&size=200";
        List<BigDecimal> prices = gross(search(ALPHA, bolts));
        assertThat(prices).hasSizeGreaterThan(20);
        List<BigDecimal> sorted = prices.stream().sorted().toList();
        BigDecimal from = sorted.get(sorted.size() / 4);
        BigDecimal to = sorted.get(sorted.size() * 3 / 4);
        long expected = prices.stream().filter(p -> p.compareTo(from) >= 0 && p.compareTo(to) <= 0).count();

        JsonNode filtered = search(ALPHA, bolts + "&priceFrom=" + from.toPlainString() + "&priceTo="
                + to.toPlainString().replace('.', ','));

        assertThat(filtered.get("total").asLong()).isEqualTo(expected).isLessThan(prices.size());
        assertThat(gross(filtered)).hasSize((int) expected)
                .allMatch(p -> p.compareTo(from) >= 0 && p.compareTo(to) <= 0);
        long brands = 0;
        for (JsonNode brand : filtered.get("brands")) {
            brands += brand.get("count").asLong();
        }
        assertThat(brands).as("brand counts are of the filtered set").isEqualTo(expected);
    }

    @Test
    void aRangeGivenUpsideDownIsReadTheRightWayRound() {
        String bolts = "q=" + enc("болт") + "&a.thread=M8&size=200";
        long forward = search(ALPHA, bolts + "&priceFrom=10&priceTo=50").get("total").asLong();

        assertThat(search(ALPHA, bolts + "&priceFrom=50&priceTo=10").get("total").asLong()).isEqualTo(forward);
    }

    @Test
    void theRangeIsOnTheBuyersContractPriceNotTheListPrice() {
        BigDecimal beta = gross(search(BETA, "q=BLT-933-M8x40-ZINC")).getFirst();
        BigDecimal alpha = gross(search(ALPHA, "q=BLT-933-M8x40-ZINC")).getFirst();
        assertThat(beta).isNotEqualByComparingTo(alpha);
        String exactlyBetas = "q=BLT-933-M8x40-ZINC&priceFrom=" + beta.toPlainString() + "&priceTo=" + beta.toPlainString();

        assertThat(search(BETA, exactlyBetas).get("total").asLong()).isEqualTo(1);
        assertThat(search(ALPHA, exactlyBetas).get("total").asLong()).isZero();
    }

    @Test
    void aPriceThatIsNotANumberIsRefusedByTheApiAndExplainedOnThePage() {
        for (String bad : List.of("abc", "-5", "1e9", "12.34567", "99999999999999")) {
            HttpResponse<String> response = http.get("/api/v1/products?priceFrom=" + enc(bad), ALPHA);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("bad-price-filter");
        }

        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        HttpResponse<String> page = buyer.get("/catalog?q=" + enc("болт") + "&priceTo=abc");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"price-filter-problem\"").contains("data-testid=\"price\"");
    }

    @Test
    void thePageFiltersAsTheApiDoes() {
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        String bolts = "q=" + enc("болт") + "&a.thread=M8&priceTo=30";
        long total = search(ALPHA, bolts).get("total").asLong();

        String page = buyer.get("/catalog?" + bolts + "&size=200").body();

        assertThat(page.split("data-testid=\"price\"", -1).length - 1).as(page).isEqualTo((int) total);
    }

    @Test
    void thousandsSeparatorsAndADecimalCommaAreAccepted() {
        String bolts = "q=" + enc("болт") + "&a.thread=M8";
        long plain = search(ALPHA, bolts + "&priceTo=1000.5").get("total").asLong();

        assertThat(search(ALPHA, bolts + "&priceTo=" + enc("1 000,50")).get("total").asLong()).isEqualTo(plain);
    }

    private JsonNode search(String auth, String query) {
        HttpResponse<String> response = http.get("/api/v1/products?" + query, auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<BigDecimal> gross(JsonNode result) {
        List<BigDecimal> prices = new ArrayList<>();
        for (JsonNode row : result.get("rows")) {
            prices.add(row.get("price").get("unitGross").get("amount").decimalValue());
        }
        return prices;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
