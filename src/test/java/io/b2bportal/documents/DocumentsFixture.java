package io.b2bportal.documents;

import io.b2bportal.support.TestProducts;
import io.b2bportal.support.Http;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the documents tests need: products of their own, orders placed and shipped through the real API (so the
 * invoices and transfer documents come from the real listeners), HTTP as one user, PDF text through PDFBox.
 */
final class DocumentsFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ALPHA_STROY = "7704123450";

    private final JdbcClient jdbc;
    private final Http http;

    DocumentsFixture(JdbcClient jdbc, Http http) {
        this.jdbc = jdbc;
        this.http = http;
        // not about approvals or credit: the demo's approval limit and earlier tests' invoices must not get in the way
        jdbc.sql("""
                        delete from customers.approval_limit
                         where user_id = (select id from platform.user_account where email = 'buyer@alpha.demo')""")
                .update();
        jdbc.sql("""
                        update customers.contract c
                           set credit_limit = greatest(c.credit_limit, 1000000
                                   + (select greatest(coalesce(sum(p.amount), 0), 0) from ledger.posting p
                                       where p.legal_entity_id = c.legal_entity_id and p.account = 'RECEIVABLE'))
                         where c.legal_entity_id = (select id from customers.legal_entity where inn = :inn)""")
                .param("inn", ALPHA_STROY).update();
    }

    long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    /** Alpha Stroy's administrator accepts the current agreement (another test may have published a new one). */
    void acceptAgreement(long entity) {
        Client admin = client("admin@alpha.demo", entity);
        String sha = json(admin.get("/api/v1/agreement"), 200).get("pdfSha256").asString();
        json(admin.post("/api/v1/agreement/accept", "{\"pdfSha256\": \"" + sha + "\"}"), 200);
    }

    /** A product of the test's own: this base price a piece with VAT 22 %, this much in stock. */
    String product(String price, int onHand) {
        return TestProducts.create(jdbc, "D", "Саморез кровельный", "Roofing screw", price, onHand, false);
    }

    Client client(String email, Long entity) {
        return new Client(http, Http.basic(email, "demo"), entity);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first page of a PDF as a PNG in target/screenshots, to look at. */
    static void snapshot(byte[] pdf, String name) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 110);
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One user over the API (HTTP Basic, password demo), optionally acting for a legal entity. */
    record Client(Http http, String authorization, Long entity) {

        HttpResponse<String> get(String path) {
            return http.send(request(path).GET());
        }

        HttpResponse<byte[]> bytes(String path) {
            try {
                return java.net.http.HttpClient.newHttpClient().send(request(path).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> post(String path, String json) {
            return http.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        HttpResponse<String> put(String path, String json) {
            return http.send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = http.request(path).header("Authorization", authorization)
                    .header("Accept-Language", "en");
            if (entity != null) {
                request.header("X-Legal-Entity", entity.toString());
            }
            return request;
        }

        /** Places an order of these lines ("SKU", quantity, …) and returns it. */
        JsonNode place(Object... skuAndQuantity) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < skuAndQuantity.length; i += 2) {
                lines.append(i == 0 ? "" : ", ").append("{\"sku\": \"").append(skuAndQuantity[i])
                        .append("\", \"quantity\": ").append(skuAndQuantity[i + 1]).append('}');
            }
            return json(post("/api/v1/orders", "{\"lines\": [" + lines + "], \"poNumber\": \"PO-DOC-7\"}"), 201)
                    .get("orders").get(0);
        }
    }
}
