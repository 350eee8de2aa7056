package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON batch upserts for an ERP: all or nothing, per-item errors as Problem Details, catalog roles only. */
@PortalTest
class CatalogUpsertTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ImportFixture f;

    @BeforeEach
    void setUp() {
        f = new ImportFixture(new Http(port), jdbc);
    }

    private HttpResponse<String> put(String path, String auth, String json) {
        return f.http.send(f.http.request(path).header("Authorization", auth).header("Accept-Language", "en")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String item(int n, String vat) {
        return "{\"sku\":\"" + f.sku(n) + "\",\"name\":\"Болт " + n + "\",\"category\":\"" + f.category
                + "\",\"vat_rate\":\"" + vat + "\",\"weight_kg\":0.25,\"barcodes\":[\"4600000000001\"],"
                + "\"attributes\":{\"" + f.attribute + "\":8}}";
    }

    @Test
    void aBatchWithOneBadItemWritesNothingAndNamesTheItem() {
        HttpResponse<String> response = put("/api/v1/admin/products", ImportFixture.CATALOG,
                "[" + item(1, "22") + "," + item(2, "18") + "]");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = ImportFixture.json(response).get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("message").asString()).isEqualTo("row 2: vat_rate 18 is not one of 22, 10, 0, EXEMPT");
        assertThat(f.products()).isZero();
    }

    @Test
    void aGoodBatchCreatesThenLeavesUnchangedAndStockIsSet() {
        HttpResponse<String> created = put("/api/v1/admin/products", ImportFixture.CATALOG,
                "[" + item(1, "22") + "," + item(2, "10") + "]");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(ImportFixture.json(created).get("created").asInt()).isEqualTo(2);
        assertThat(ImportFixture.json(put("/api/v1/admin/products", ImportFixture.ADMIN, "[" + item(1, "22") + "]"))
                .get("unchanged").asInt()).isEqualTo(1);

        HttpResponse<String> stock = put("/api/v1/admin/stock", ImportFixture.CATALOG, "[{\"sku\":\"" + f.sku(1)
                + "\",\"warehouse\":\"" + f.warehouse + "\",\"on_hand\":40,\"reserved\":5}]");
        assertThat(stock.statusCode()).as(stock.body()).isEqualTo(200);
        assertThat(jdbc.sql("select s.held from catalog.stock s join catalog.product p on p.id = s.product_id where p.sku = :s")
                .param("s", f.sku(1)).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("5");

        HttpResponse<String> bad = put("/api/v1/admin/stock", ImportFixture.CATALOG, "[{\"sku\":\"" + f.sku(1)
                + "\",\"warehouse\":\"" + f.warehouse + "\",\"on_hand\":-1}]");
        assertThat(bad.statusCode()).isEqualTo(422);
    }

    @Test
    void sellersWithoutTheCatalogRoleAndBuyersAreRefused() {
        for (String forbidden : List.of(ImportFixture.BUYER, ImportFixture.MANAGER)) {
            assertThat(put("/api/v1/admin/products", forbidden, "[" + item(1, "22") + "]").statusCode()).isEqualTo(403);
            assertThat(put("/api/v1/admin/stock", forbidden, "[]").statusCode()).isEqualTo(403);
        }
        assertThat(f.products()).isZero();
    }

    @Test
    void moreThanTenThousandItemsAreRefused() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(10_001, "{\"sku\":\"X\"}")) + "]";
        assertThat(put("/api/v1/admin/products", ImportFixture.CATALOG, many).statusCode()).isEqualTo(413);
    }
}
