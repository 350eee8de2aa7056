package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.catalog.ImportFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The seller's single-product API: the full view, relations replaced all or nothing, files. */
@PortalTest
class CatalogAdminApiTests {

    static final String CATALOG = Http.basic("catalog@demo.local", "demo");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CatalogAdminFixture f;
    Http http;

    @BeforeEach
    void setUp() {
        f = new CatalogAdminFixture(jdbc);
        http = new Http(port);
        jdbc.sql("insert into catalog.stock (product_id, warehouse_id, on_hand, held) select id, :w, 7, 2 "
                + "from catalog.product where sku = :s").param("w", f.warehouseId).param("s", f.sku).update();
    }

    private HttpResponse<String> put(String path, String body) {
        return http.send(http.request(path).header("Authorization", CATALOG).header("Accept-Language", "en")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theFullSellerViewHasThePurchaseCostTypedAttributesAndStockAtEveryWarehouse() {
        HttpResponse<String> response = http.get("/api/v1/admin/products/" + f.sku, CATALOG);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode product = json(response);
        assertThat(product.get("purchaseCost").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(product.get("attributes").get(f.number).isNumber()).isTrue();
        assertThat(product.get("attributes").get(f.choice).asString()).isEqualTo("сталь");
        JsonNode stock = product.get("stock");
        assertThat(stock.size()).isGreaterThanOrEqualTo(3);
        JsonNode mine = stock.valueStream().filter(s -> s.get("warehouseCode").asString().equals(f.warehouse))
                .findFirst().orElseThrow();
        assertThat(mine.get("available").decimalValue()).isEqualByComparingTo("5");
        assertThat(stock.valueStream().filter(s -> s.get("warehouseCode").asString().equals("msk")).findFirst()
                .orElseThrow().get("stocked").asBoolean()).isFalse();
        assertThat(product.get("version").asString()).hasSize(32);

        // the buyer's API never shows the purchase cost
        assertThat(http.get("/api/v1/products/" + f.sku, Http.basic("buyer@alpha.demo", "demo")).body())
                .doesNotContain("purchaseCost").doesNotContain("12.5");
    }

    @Test
    void relationsAreReplacedAllOrNothing() {
        HttpResponse<String> refused = put("/api/v1/admin/products/" + f.sku + "/relations",
                "{\"analogs\":[\"" + f.other + "\",\"NOPE-" + f.id + "\"],\"related\":[\"" + f.sku + "\"]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode errors = json(refused).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("analogs[1]");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("There is no product with the SKU NOPE-" + f.id + ".");
        assertThat(errors.get(1).get("message").asString())
                .isEqualTo("A product cannot be its own analog or related product.");
        assertThat(json(http.get("/api/v1/admin/products/" + f.other, CATALOG)).get("relations").size()).isZero();

        HttpResponse<String> saved = put("/api/v1/admin/products/" + f.sku + "/relations",
                "{\"analogs\":[\"" + f.other + "\"]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("relations").get(0).get("sku").asString()).isEqualTo(f.other);
        assertThat(json(http.get("/api/v1/admin/products/" + f.other, CATALOG)).get("relations").get(0).get("sku")
                .asString()).isEqualTo(f.sku);

        put("/api/v1/admin/products/" + f.sku + "/relations", "{\"analogs\":[]}");
        assertThat(json(http.get("/api/v1/admin/products/" + f.other, CATALOG)).get("relations").size()).isZero();
    }

    @Test
    void aFileIsAttachedAndDetachedAndAWrongTypeIsAProblem() throws IOException {
        Multipart good = new Multipart().field("kind", "IMAGE").field("title", "Фото")
                .file("file", "photo.png", "image/png", CatalogAdminRelationsAndFilesTests.png(0x112233));
        HttpResponse<String> created = http.send(http.request("/api/v1/admin/products/" + f.sku + "/files")
                .header("Authorization", CATALOG).header("Content-Type", good.contentType()).POST(good.publisher()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();

        Multipart bad = new Multipart().field("kind", "CERTIFICATE")
                .file("file", "cert.pdf", "application/pdf", "MZ not a pdf".getBytes());
        HttpResponse<String> refused = http.send(http.request("/api/v1/admin/products/" + f.sku + "/files")
                .header("Authorization", CATALOG).header("Accept-Language", "en")
                .header("Content-Type", bad.contentType()).POST(bad.publisher()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("file");

        HttpResponse<String> deleted = http.send(http.request("/api/v1/admin/products/" + f.sku + "/files/" + id)
                .header("Authorization", CATALOG).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(json(http.get("/api/v1/admin/products/" + f.sku, CATALOG)).get("files").size()).isZero();
    }

    @Test
    void theProductTableIsSearchedAndSortedLikeThePage() {
        JsonNode page = json(http.get("/api/v1/admin/products?q=" + f.sku.substring(0, f.sku.length() - 1)
                + "&sort=sku&dir=desc", CATALOG));

        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("rows").get(0).get("sku").asString()).isEqualTo(f.other);
        assertThat(page.get("rows").get(1).get("onHand").decimalValue()).isEqualByComparingTo("7");
    }
}
