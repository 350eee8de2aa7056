package io.b2bportal.pricing;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The price API and the catalog API's prices over real HTTP: each caller their own prices; bad input is refused. */
@PortalTest
class PricesApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALPHA = basic("buyer@alpha.demo", "demo");
    private static final String BETA = basic("buyer@beta.demo", "demo");
    private static final String GAMMA = basic("buyer@gamma.demo", "demo");
    private static final String ADMIN = basic("admin@demo.local", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aBuyerGetsTheirOwnPricesForManySkusAtOnce() {
        JsonNode prices = ok(http.get("/api/v1/prices?sku=HND-RINGSPANNER-17&sku=ANC-10x100&qty=10", ALPHA));

        assertThat(prices.get("legalEntityId").asLong()).isEqualTo(entity("7704123450"));
        JsonNode spanner = prices.get("items").get(0);
        assertThat(spanner.get("sku").asString()).isEqualTo("HND-RINGSPANNER-17");
        assertThat(spanner.get("priceType").asString()).isEqualTo("wholesale");
        assertThat(spanner.get("unitPrice").decimalValue())
                .isEqualByComparingTo(kopecks(basePrice("HND-RINGSPANNER-17").multiply(new BigDecimal("0.9"))));
        assertThat(spanner.get("lineGross").decimalValue())
                .isEqualByComparingTo(spanner.get("unitPrice").decimalValue().multiply(BigDecimal.TEN));
        JsonNode anchor = prices.get("items").get(1);
        assertThat(anchor.get("source").asString()).isEqualTo("PROMOTION");
        assertThat(anchor.get("promotion").get("name").asString()).isEqualTo("Оптовикам: анкеры со скидкой");

        JsonNode gamma = ok(http.get("/api/v1/prices?sku=ANC-10x100", GAMMA)).get("items").get(0);
        assertThat(gamma.get("source").asString()).isEqualTo("PRICE_TYPE");
        assertThat(gamma.get("unitPrice").decimalValue()).isEqualByComparingTo(basePrice("ANC-10x100"));
    }

    @Test
    void betaSeesItsContractPrice() {
        JsonNode bolt = ok(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&qty=100", BETA)).get("items").get(0);

        assertThat(bolt.get("source").asString()).isEqualTo("CONTRACT");
        assertThat(bolt.get("unitPrice").decimalValue()).isEqualByComparingTo(kopecks(
                basePrice("BLT-933-M8x40-ZINC").multiply(new BigDecimal("0.78"))));
    }

    @Test
    void aChangedPriceIsInTheNextResponse() {
        String sku = "HND-RINGSPANNER-12";
        BigDecimal before = basePrice(sku);
        try {
            setBasePrice(sku, new BigDecimal("777.77"));
            JsonNode item = ok(http.get("/api/v1/prices?sku=" + sku, GAMMA)).get("items").get(0);
            assertThat(item.get("unitPrice").decimalValue()).isEqualByComparingTo("777.77");
            JsonNode row = ok(http.get("/api/v1/products?q=" + sku, GAMMA)).get("rows").get(0);
            assertThat(row.get("price").get("unitGross").get("amount").decimalValue()).isEqualByComparingTo("777.77");
        } finally {
            setBasePrice(sku, before);
        }
        assertThat(ok(http.get("/api/v1/prices?sku=" + sku, GAMMA)).get("items").get(0).get("unitPrice")
                .decimalValue()).isEqualByComparingTo(before);
    }

    @Test
    void unknownSkusAndSkusOutsideTheAssortmentAreReportedPerItem() {
        JsonNode items = ok(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&sku=NO-SUCH&sku=PWR-BOSCH-114", BETA))
                .get("items");

        assertThat(items.get(0).get("status").asString()).isEqualTo("PRICED");
        assertThat(items.get(1).get("status").asString()).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(items.get(1).get("unitPrice").isNull()).isTrue();
        assertThat(items.get(2).get("status").asString()).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(ok(http.get("/api/v1/prices?sku=PWR-BOSCH-114", ALPHA)).get("items").get(0).get("status")
                .asString()).isEqualTo("PRICED");
    }

    @Test
    void oneThousandSkusAreAnsweredAndOneMoreIsRefused() {
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "sku=BLT-933-M8x40-ZINC")
                .collect(Collectors.joining("&"));
        JsonNode prices = ok(http.get("/api/v1/prices?qty=100&" + thousand, GAMMA));
        assertThat(prices.get("items").size()).isEqualTo(1000);

        HttpResponse<String> tooMany = http.get("/api/v1/prices?" + thousand + "&sku=NUT-DIN934-M8-ZINC", GAMMA);
        assertProblem(tooMany, 422, "too-many-lines", "1001");
    }

    @Test
    void badQuantitiesAreRefusedWithAProblemThatNamesThem() {
        assertProblem(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&qty=0", GAMMA), 422, "quantity", "0");
        assertProblem(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&qty=-5", GAMMA), 422, "quantity", "-5");
        assertProblem(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&qty=ten", GAMMA), 422, "quantity", "ten");
        assertProblem(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&qty=1e9999", GAMMA), 422, "quantity", "1e9999");
        assertProblem(http.get("/api/v1/prices?sku=A&sku=B&sku=C&qty=1&qty=2", GAMMA), 422, "quantity-count", "3");
        assertProblem(http.get("/api/v1/prices", GAMMA), 422, "sku-required", "sku");
        assertProblem(http.get("/api/v1/prices/explain?sku=BLT-933-M8x40-ZINC&qty=abc", GAMMA), 422, "quantity",
                "abc");
    }

    @Test
    void oneQuantityPerSkuPricesEachLineAtItsOwn() {
        JsonNode items = ok(http.get("/api/v1/prices?sku=BLT-933-M10x40-ZINC&sku=BLT-933-M10x40-ZINC"
                + "&qty=100&qty=5000", GAMMA)).get("items");

        assertThat(items.get(0).get("quantity").decimalValue()).isEqualByComparingTo("100");
        BigDecimal atFiveThousand = items.get(1).get("unitPrice").decimalValue();
        BigDecimal atOneHundred = items.get(0).get("unitPrice").decimalValue();
        assertThat(atFiveThousand).as("the larger quantity's tier").isLessThan(atOneHundred);
    }

    @Test
    void longListsCanBePostedAsJson() {
        HttpResponse<String> response = http.postJson("/api/v1/prices/query", BETA, """
                {"items": [{"sku": "BLT-933-M8x40-ZINC", "qty": "200"}, {"sku": "NO-SUCH"}]}""");

        JsonNode items = ok(response).get("items");
        assertThat(items.get(0).get("source").asString()).isEqualTo("CONTRACT");
        assertThat(items.get(0).get("lineGross").decimalValue())
                .isEqualByComparingTo(items.get(0).get("unitPrice").decimalValue().multiply(new BigDecimal("200")));
        assertThat(items.get(1).get("status").asString()).isEqualTo("UNKNOWN_PRODUCT");
    }

    @Test
    void aBuyerSeesTheShortExplanationAndStaffTheFullOne() {
        JsonNode buyer = ok(http.get("/api/v1/prices/explain?sku=BLT-933-M10x40-ZINC&qty=100", BETA));
        assertThat(buyer.get("steps").findValuesAsString("kind")).contains("type-contract", "derived-percent")
                .doesNotContain("rounding");
        buyer.get("steps").forEach(step -> assertThat(step.get("forBuyer").asBoolean()).isTrue());

        JsonNode staff = ok(http.get("/api/v1/prices/explain?sku=BLT-933-M10x40-ZINC&qty=100&legalEntity="
                + entity("5027123457"), ADMIN));
        assertThat(staff.get("steps").findValuesAsString("kind")).contains("type-contract", "derived-percent",
                "rounding");
        assertThat(staff.get("line").get("unitPrice").decimalValue())
                .isEqualByComparingTo(buyer.get("line").get("unitPrice").decimalValue());

        JsonNode base = ok(http.get("/api/v1/prices/explain?sku=BLT-933-M10x40-ZINC&qty=100", ADMIN));
        assertThat(base.get("legalEntityId").isNull()).isTrue();
        assertThat(base.get("steps").findValuesAsString("kind")).contains("type-base");
    }

    @Test
    void aBuyerCannotAskForAnotherCompanysPricesAndStaffOnlyForEntitiesThatExist() {
        assertProblem(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&legalEntity=" + entity("5027123457"), ALPHA),
                403, "legal-entity-forbidden", "");
        assertProblem(http.get("/api/v1/prices/explain?sku=BLT-933-M8x40-ZINC&legalEntity="
                + entity("5027123457"), ALPHA), 403, "legal-entity-forbidden", "");
        assertThat(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&legalEntity=" + entity("7704987650"), ALPHA)
                .statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/v1/prices?sku=BLT-933-M8x40-ZINC&legalEntity=999999", ADMIN), 404,
                "not-found", "");
        assertProblem(http.get("/api/v1/prices/explain?sku=PWR-BOSCH-114", BETA), 404, "not-found", "");
    }

    @Test
    void theProductsApiCarriesTheCallersPriceTiersAndWhy() {
        JsonNode row = ok(http.get("/api/v1/products?q=ANC-10x100", ALPHA)).get("rows").get(0);
        assertThat(row.get("sku").asString()).isEqualTo("ANC-10x100");
        assertThat(row.get("price").get("source").asString()).isEqualTo("PROMOTION");
        assertThat(row.get("price").get("promotionName").asString()).isEqualTo("Оптовикам: анкеры со скидкой");

        JsonNode card = ok(http.get("/api/v1/products/BLT-933-M10x40-ZINC", GAMMA));
        assertThat(card.get("sku").asString()).isEqualTo("BLT-933-M10x40-ZINC");
        assertThat(card.get("price").get("tiers").findValues("minQty")).extracting(JsonNode::asInt)
                .containsExactly(100, 1000, 5000);
        assertThat(card.get("price").get("why").size()).isPositive();

        JsonNode onRequest = ok(http.get("/api/v1/products/SUT-ZIMNII-64", GAMMA));
        assertThat(onRequest.get("price").get("price").get("source").asString()).isEqualTo("NONE");
    }

    @Test
    void staffHaveAFullExplanationPageAndBuyersDoNot() {
        WebSession admin = new WebSession(port).login("admin@demo.local", "demo");
        HttpResponse<String> page = admin.get("/admin/pricing/explain?entity=" + entity("5027123457")
                + "&sku=BLT-933-M10x40-ZINC&qty=100&lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ООО «Бета Инструмент»").contains("Price type of the contract: Dealer")
                .contains("Rounded to whole roubles");

        WebSession buyer = new WebSession(port).login("buyer@beta.demo", "demo");
        assertThat(buyer.get("/admin/pricing/explain?sku=BLT-933-M10x40-ZINC").statusCode()).isEqualTo(403);
        HttpResponse<String> why = buyer.get("/prices/why?sku=BLT-933-M10x40-ZINC&qty=" + enc("5000") + "&lang=en");
        assertThat(why.body()).contains("from 5,000 units").doesNotContain("Rounded");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("/" + type);
        assertThat(problem.get("detail").asString()).contains(detailPart);
    }

    private long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    private BigDecimal basePrice(String sku) {
        return jdbc.sql("""
                        select pr.amount from pricing.price pr join catalog.product p on p.id = pr.product_id
                         where pr.price_list_id = (select id from pricing.price_list where code = 'base')
                           and p.sku = :sku and pr.min_qty = 1""")
                .param("sku", sku).query(BigDecimal.class).single();
    }

    private void setBasePrice(String sku, BigDecimal amount) {
        jdbc.sql("""
                        update pricing.price set amount = :amount
                         where price_list_id = (select id from pricing.price_list where code = 'base') and min_qty = 1
                           and product_id = (select id from catalog.product where sku = :sku)""")
                .param("amount", amount).param("sku", sku).update();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static BigDecimal kopecks(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
