package io.b2bportal.pricing;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Own products (unique SKU prefix, own category) and two own price lists (never the demo's), prices set directly,
 * and the price import API driven over real HTTP until the job is finished.
 */
final class PriceImportFixture {

    /** Prices read as written (90.00 stays 90.00, not the double 90.0). */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    static final String CATALOG = Http.basic("catalog@demo.local", "demo");
    static final String ADMIN = Http.basic("admin@demo.local", "demo");
    static final String HEAD = Http.basic("head@demo.local", "demo");
    static final String MANAGER = Http.basic("manager@demo.local", "demo");
    static final String BUYER = Http.basic("buyer@alpha.demo", "demo");

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String prefix = "P" + id.toUpperCase() + "-";
    final String list = "t-" + id;
    final String otherList = "t-" + id + "-b";
    final long categoryId;
    final Http http;
    final JdbcClient jdbc;

    PriceImportFixture(Http http, JdbcClient jdbc, int products) {
        this.http = http;
        this.jdbc = jdbc;
        categoryId = jdbc.sql("insert into catalog.category (code, name, path) values (:code, 'Тестовые цены', '/') returning id")
                .param("code", "pc-" + id).query(Long.class).single();
        jdbc.sql("update catalog.category set path = '/' || id || '/' where id = :id").param("id", categoryId).update();
        jdbc.sql("""
                        insert into catalog.product (sku, name, category_id)
                        select :prefix || g, 'Саморез ' || g, :category from generate_series(1, :n) g""")
                .param("prefix", prefix).param("category", categoryId).param("n", products).update();
        jdbc.sql("insert into pricing.price_list (code, name) values (:a, 'Тестовый прайс'), (:b, 'Другой прайс')")
                .param("a", list).param("b", otherList).update();
    }

    String sku(int n) {
        return prefix + n;
    }

    /** Sets a price directly, as if it had been there for a day. */
    void price(String code, int sku, String minQty, String amount) {
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, min_qty, amount, updated_at)
                        select l.id, p.id, cast(:qty as numeric), cast(:amount as numeric), now() - interval '1 day'
                          from pricing.price_list l, catalog.product p where l.code = :list and p.sku = :sku""")
                .param("list", code).param("sku", sku(sku)).param("qty", minQty).param("amount", amount).update();
    }

    void price(int sku, String minQty, String amount) {
        price(list, sku, minQty, amount);
    }

    /** The prices of a list as "SKU-suffix@min_qty" → amount without trailing zeros, by SKU and tier. */
    Map<String, String> prices(String code) {
        Map<String, String> prices = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.sku, pr.min_qty, pr.amount from pricing.price pr
                          join pricing.price_list l on l.id = pr.price_list_id
                          join catalog.product p on p.id = pr.product_id
                         where l.code = :list order by p.sku, pr.min_qty""")
                .param("list", code).query(rs -> {
                    prices.put(rs.getString(1).substring(prefix.length()) + "@" + plain(rs.getBigDecimal(2)),
                            plain(rs.getBigDecimal(3)));
                });
        return prices;
    }

    Map<String, String> prices() {
        return prices(list);
    }

    /** Prices of the list written since the fixture set them (their updated_at is not a day old). */
    List<String> touched() {
        return jdbc.sql("""
                        select p.sku || '@' || trim_scale(pr.min_qty) from pricing.price pr
                          join pricing.price_list l on l.id = pr.price_list_id
                          join catalog.product p on p.id = pr.product_id
                         where l.code = :list and pr.updated_at > now() - interval '1 hour' order by 1""")
                .param("list", list).query(String.class).list().stream().map(s -> s.substring(prefix.length())).toList();
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Uploads with the given form fields (priceList, dryRun, decimalComma, removeMissing). */
    HttpResponse<String> upload(String fileName, byte[] content, Map<String, String> fields, String auth) {
        Multipart body = new Multipart();
        fields.forEach(body::field);
        body.file("file", fileName, fileName.endsWith(".xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv", content);
        return http.send(http.request("/api/v1/admin/pricing/imports").header("Authorization", auth)
                .header("Accept-Language", "en").header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    /** Uploads into this fixture's list as the catalog manager and waits for the job; extra fields as name, value. */
    JsonNode run(String fileName, byte[] content, boolean dryRun, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("priceList", list);
        form.put("dryRun", String.valueOf(dryRun));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.values().removeIf(v -> v == null);
        HttpResponse<String> response = upload(fileName, content, form, CATALOG);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return await(json(response).get("job").get("id").asLong());
    }

    JsonNode apply(long jobId) {
        HttpResponse<String> response = http.send(http.request("/api/v1/admin/pricing/imports/" + jobId + "/apply")
                .header("Authorization", CATALOG).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return await(jobId);
    }

    JsonNode await(long jobId) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> response = http.send(http.request("/api/v1/admin/pricing/imports/" + jobId)
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
        throw new AssertionError("price import job " + jobId + " did not finish");
    }

    /**
     * The report's rows written out: "UPDATED 1 from 10: 90.00 → 95.00", "ERROR row 7: ...", with SKUs without
     * this fixture's prefix.
     */
    List<String> diff(JsonNode report) {
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode row : report.get("rows")) {
            String outcome = row.get("outcome").asString();
            if (outcome.equals("ERROR")) {
                lines.add("ERROR " + row.get("message").asString().replace(prefix, ""));
                continue;
            }
            lines.add(outcome + " " + row.get("sku").asString().replace(prefix, "") + " from "
                    + row.get("minQty").asString() + ": " + text(row.get("oldPrice")) + " → " + text(row.get("newPrice")));
        }
        return lines;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asString();
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
