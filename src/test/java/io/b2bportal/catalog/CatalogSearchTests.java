package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** One search box over the demo catalog: codes first, then words in Russian or English, then typos; facets and assortments. */
@PortalTest
class CatalogSearchTests {

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
    void anExactSkuIsTheOnlyAndFirstHit() {
        JsonNode result = search(ALPHA, "q=BLT-933-M8x40-ZINC");

        assertThat(result.get("total").asLong()).isEqualTo(1);
        assertThat(result.get("rows").get(0).get("sku").asString()).isEqualTo("BLT-933-M8x40-ZINC");
    }

    @Test
    void aSkuPrefixFindsTheWholeFamilyInSkuOrder() {
        JsonNode result = search(ALPHA, "q=blt-933-m8x&sort=sku");

        assertThat(result.get("total").asLong()).isEqualTo(36);
        assertThat(result.get("rows").get(0).get("sku").asString()).startsWith("BLT-933-M8x");
    }

    @Test
    void aBarcodeOrAManufacturerNumberFindsTheProduct() {
        String barcode = search(ALPHA, "q=PWR-BOSCH-107").get("rows").get(0).get("sku").asString();
        assertThat(barcode).isEqualTo("PWR-BOSCH-107");
        String ean = JSON.readTree(http.get("/api/v1/products/PWR-BOSCH-107", ALPHA).body()).get("barcodes").get(0)
                .asString();

        assertThat(search(ALPHA, "q=" + ean).get("rows").get(0).get("sku").asString()).isEqualTo("PWR-BOSCH-107");
        assertThat(search(ALPHA, "q=BO107").get("rows").get(0).get("sku").asString()).isEqualTo("PWR-BOSCH-107");
    }

    @Test
    void russianWordsAreStemmedAndCombined() {
        JsonNode result = search(ALPHA, "q=" + enc("болты M8 40"));

        assertThat(result.get("total").asLong()).isEqualTo(9);
        assertThat(names(result)).allMatch(name -> name.startsWith("Болт M8×40"));
    }

    @Test
    void englishWordsFindRussianProductsByTheirEnglishNames() {
        JsonNode result = search(ALPHA, "q=drill");

        assertThat(result.get("total").asLong()).isEqualTo(24);
        assertThat(names(result)).allMatch(name -> name.startsWith("Дрель ударная"));
    }

    @Test
    void aTypoStillFindsTheProducts() {
        JsonNode result = search(ALPHA, "q=" + enc("шурупвёрт"));

        assertThat(result.get("total").asLong()).isPositive();
        assertThat(names(result).getFirst()).startsWith("Шуруповёрт аккумуляторный");
    }

    @Test
    void facetsCountWhatIsFoundAndFiltersCombine() {
        JsonNode all = search(ALPHA, "q=" + enc("болт") + "&size=50");
        JsonNode thread = facet(all, "thread");
        assertThat(value(thread, "M8")).isEqualTo(108);

        JsonNode narrowed = search(ALPHA, "q=" + enc("болт") + "&a.thread=M8&a.coating=" + enc("цинк")
                + "&a.standard=" + enc("DIN 933"));
        assertThat(narrowed.get("total").asLong()).isEqualTo(12);
        assertThat(names(narrowed)).allMatch(name -> name.contains("M8") && name.endsWith(", цинк"));

        String brand = narrowed.get("brands").get(0).get("value").asString();
        long ofBrand = narrowed.get("brands").get(0).get("count").asLong();
        JsonNode byBrand = search(ALPHA, "q=" + enc("болт") + "&a.thread=M8&a.coating=" + enc("цинк")
                + "&a.standard=" + enc("DIN 933") + "&brand=" + enc(brand));
        assertThat(byBrand.get("total").asLong()).isEqualTo(ofBrand);
    }

    @Test
    void inStockOnlyHidesWhatCannotShipNow() {
        long all = search(ALPHA, "q=" + enc("кабель")).get("total").asLong();
        JsonNode inStock = search(ALPHA, "q=" + enc("кабель") + "&inStock=true&size=200");

        assertThat(inStock.get("total").asLong()).isLessThan(all);
        inStock.get("rows").forEach(row -> assertThat(row.get("available").decimalValue()).isPositive());
    }

    @Test
    void pagesAndPageSizesAreRespectedAndAbsurdOnesFallBack() {
        JsonNode page = search(ALPHA, "q=" + enc("болт") + "&size=100&page=2");
        assertThat(page.get("rows").size()).isEqualTo(100);

        JsonNode fallback = search(ALPHA, "q=" + enc("болт") + "&size=100000&page=-5");
        assertThat(fallback.get("rows").size()).isEqualTo(50);
    }

    @Test
    void aRestrictedAssortmentNeverShowsOrAcceptsAnythingOutsideIt() {
        assertThat(search(BETA, "q=Bosch").get("total").asLong()).isZero();
        assertThat(search(BETA, "q=" + enc("болт")).get("total").asLong()).isPositive();
        assertThat(http.get("/api/v1/products/PWR-BOSCH-114", BETA).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/products/PWR-BOSCH-114", ALPHA).statusCode()).isEqualTo(200);
        JsonNode categories = JSON.readTree(http.get("/api/v1/categories", BETA).body());
        assertThat(categories.findValuesAsString("code")).contains("bolts").doesNotContain("tools", "power-tools");
    }

    @Test
    void theProductCardHasSpecsStockAnalogsAndTheSuccessor() {
        JsonNode card = JSON.readTree(http.get("/api/v1/products/PWR-BOSCH-107", ALPHA).body());

        assertThat(card.get("status").asString()).isEqualTo("DISCONTINUED");
        assertThat(card.get("successorSku").asString()).isEqualTo("PWR-BOSCH-114");
        assertThat(card.get("stock").size()).isEqualTo(2);
        assertThat(card.get("attributes").findValuesAsString("code")).contains("power_w");
        assertThat(http.get("/api/v1/products/NO-SUCH-SKU", ALPHA).statusCode()).isEqualTo(404);
    }

    @Test
    void productImagesAreServedOnlyWithinTheAssortment() {
        JsonNode bolt = JSON.readTree(http.get("/api/v1/products/BLT-933-M8x40-ZINC", BETA).body());
        String boltImage = bolt.get("files").get(0).get("sha256").asString();
        HttpResponse<String> image = http.get("/api/v1/products/files/" + boltImage, BETA);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("immutable"));

        String drillImage = JSON.readTree(http.get("/api/v1/products/PWR-BOSCH-114", ALPHA).body()).get("files").get(0)
                .get("sha256").asString();
        assertThat(http.get("/api/v1/products/files/" + drillImage, BETA).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/products/files/" + drillImage, ALPHA).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/products/files/not-a-hash", ALPHA).statusCode()).isEqualTo(404);
    }

    @Test
    void searchTextWithSqlOrLikeCharactersIsJustText() {
        assertThat(search(ALPHA, "q=" + enc("%' or 1=1 --")).get("total").asLong()).isZero();
        assertThat(search(ALPHA, "q=" + enc("_")).get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/products?a.thread';drop=1", ALPHA).statusCode()).isEqualTo(200);
    }

    private JsonNode search(String auth, String query) {
        HttpResponse<String> response = http.get("/api/v1/products?" + query, auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode facet(JsonNode result, String code) {
        for (JsonNode facet : result.get("facets")) {
            if (facet.get("code").asString().equals(code)) {
                return facet;
            }
        }
        throw new AssertionError("no facet " + code);
    }

    private static long value(JsonNode facet, String value) {
        for (JsonNode v : facet.get("values")) {
            if (v.get("value").asString().equals(value)) {
                return v.get("count").asLong();
            }
        }
        return 0;
    }

    private static List<String> names(JsonNode result) {
        return result.get("rows").findValuesAsString("name");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
