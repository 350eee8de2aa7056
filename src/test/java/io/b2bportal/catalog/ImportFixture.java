package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Own categories, attributes and warehouses with unique codes (never the demo catalog), unique SKU prefixes, and
 * the import API driven over real HTTP until the job is finished.
 */
final class ImportFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CATALOG = Http.basic("catalog@demo.local", "demo");
    static final String ADMIN = Http.basic("admin@demo.local", "demo");
    static final String BUYER = Http.basic("buyer@alpha.demo", "demo");
    static final String MANAGER = Http.basic("manager@demo.local", "demo");

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String category = "t-" + id;
    final String warehouse = "w-" + id;
    final String attribute = "diam_" + id;
    final String flag = "zinc_" + id;
    final String prefix = "T" + id.toUpperCase() + "-";
    final Http http;
    final JdbcClient jdbc;

    ImportFixture(Http http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
        long categoryId = jdbc.sql("""
                        insert into catalog.category (code, name, path) values (:code, 'Тестовые крепежи', '/')
                        returning id""").param("code", category).query(Long.class).single();
        jdbc.sql("update catalog.category set path = '/' || id || '/' where id = :id").param("id", categoryId).update();
        jdbc.sql("insert into catalog.attribute (code, name, type) values (:a, 'Диаметр', 'NUMBER'), (:b, 'Оцинковка', 'BOOLEAN')")
                .param("a", attribute).param("b", flag).update();
        jdbc.sql("insert into catalog.warehouse (code, name) values (:code, 'Тестовый склад')")
                .param("code", warehouse).update();
    }

    String sku(int n) {
        return prefix + n;
    }

    int products() {
        return jdbc.sql("select count(*) from catalog.product where sku like :p").param("p", prefix + "%")
                .query(Integer.class).single();
    }

    HttpResponse<String> upload(String kind, String fileName, byte[] content, boolean dryRun, String auth) {
        Multipart body = new Multipart().field("kind", kind).field("dryRun", String.valueOf(dryRun))
                .file("file", fileName, fileName.endsWith(".xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv", content);
        return http.send(http.request("/api/v1/admin/catalog/imports").header("Authorization", auth)
                .header("Accept-Language", "en").header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    /** Uploads as the catalog manager and waits for the job to finish; returns the final report. */
    JsonNode run(String kind, String fileName, byte[] content, boolean dryRun) {
        HttpResponse<String> response = upload(kind, fileName, content, dryRun, CATALOG);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return await(json(response).get("job").get("id").asLong());
    }

    JsonNode apply(long jobId) {
        HttpResponse<String> response = http.send(http.request("/api/v1/admin/catalog/imports/" + jobId + "/apply")
                .header("Authorization", CATALOG).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return await(jobId);
    }

    JsonNode await(long jobId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> response = http.send(http.request("/api/v1/admin/catalog/imports/" + jobId)
                    .header("Authorization", CATALOG).header("Accept-Language", "en"));
            JsonNode report = json(response);
            JsonNode job = report.get("job");
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")
                    || status.equals("VALIDATED") && !job.get("applyRequested").asBoolean()) {
                return report;
            }
            sleep();
        }
        throw new AssertionError("import job " + jobId + " did not finish");
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
