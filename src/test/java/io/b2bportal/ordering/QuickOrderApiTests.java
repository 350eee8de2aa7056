package io.b2bportal.ordering;

import io.b2bportal.ordering.DemoProducts.Product;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.b2bportal.ordering.CartApiTests.assertProblem;
import static io.b2bportal.ordering.CartClient.json;
import static io.b2bportal.ordering.CartClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quick order over the API: pasted lines and files become a review in which every kind of line shows up as what it
 * is; nothing is added before the confirm, the confirm adds everything at once, once.
 */
@PortalTest
class QuickOrderApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CartClient buyer;
    DemoProducts products;
    long cart;

    @BeforeEach
    void setUp() {
        buyer = new CartClient(new Http(port), "buyer@alpha.demo");
        products = new DemoProducts(jdbc);
        cart = buyer.createCart(unique("Quick"));
    }

    @Test
    void everyKindOfLineIsReviewedAndOnlyTheConfirmAddsThem() {
        List<Product> bolts = products.inStock("BLT-931-", 100, 2000, true);
        Product merged = bolts.get(0);
        Product rounded = bolts.get(1);
        List<Product> anchors = products.inStock("ANC-", 25, 100, false);
        Product anchor = anchors.get(0);
        Product scarce = anchors.get(1);
        Product backordered = products.inStock("BLT-933-", 100, 100, true).get(0);
        String paste = String.join("\n",
                "Артикул\tНаименование\tКоличество",
                merged.sku() + "\tБолт\t200",
                rounded.sku() + "\tБолт\t150",
                anchor.sku() + "\tАнкер\t10",
                merged.sku().toLowerCase() + "\t\t300",
                "BLT-933-M8x40-ZNIC\t\t100",
                scarce.sku() + "\t\t1000000",
                backordered.sku() + "\t\t100000000",
                "PWR-BOSCH-107\t\t1",
                "NUT-DIN934-M8-ZINC\t\t0",
                "NUT-DIN934-M8-ZINC\t\t-5",
                "NUT-DIN934-M8-HDG\t\tмного",
                "PWR-BOSCH-114\t\t1,5",
                "WSH-DIN125-M8-ZINC\t\t2000000000",
                "CBL-NYM-3x2.5\t\t12,5",
                "",
                "NUT-DIN934-M10-ZINC\t\t");

        JsonNode review = buyer.review(cart, paste);
        assertThat(buyer.lines(cart)).as("nothing is added before the confirm").isEmpty();

        assertThat(review.get("inputLines").asInt()).isEqualTo(15);
        assertThat(status(review, merged.sku())).isEqualTo("MERGED");
        assertThat(line(review, merged.sku()).get("sourceLines").toString()).isEqualTo("[2,5]");
        assertThat(line(review, merged.sku()).get("quantity").decimalValue()).isEqualByComparingTo("500");
        assertThat(status(review, rounded.sku())).isEqualTo("ADJUSTED");
        assertThat(line(review, rounded.sku()).get("issues").toString()).contains("ROUNDED_TO_PACK");
        assertThat(line(review, rounded.sku()).get("quantity").decimalValue()).isEqualByComparingTo("200");
        assertThat(line(review, anchor.sku()).get("issues").toString()).contains("ROUNDED_TO_MINIMUM");
        assertThat(line(review, anchor.sku()).get("quantity").decimalValue()).isEqualByComparingTo("25");
        JsonNode unknown = typed(review, "BLT-933-M8x40-ZNIC");
        assertThat(unknown.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("suggestions").get(0).asString()).isEqualTo("BLT-933-M8x40-ZINC");
        assertThat(unknown.get("suggestions").size()).isBetween(1, 3);
        assertThat(status(review, scarce.sku())).isEqualTo("OVER_STOCK");
        assertThat(line(review, scarce.sku()).get("choices").toString()).isEqualTo("[\"TAKE_AVAILABLE\",\"SKIP\"]");
        assertThat(line(review, scarce.sku()).get("action").asString()).isEqualTo("TAKE_AVAILABLE");
        assertThat(status(review, backordered.sku())).isEqualTo("OVER_STOCK");
        assertThat(line(review, backordered.sku()).get("action").asString()).isEqualTo("BACKORDER");
        assertThat(status(review, "PWR-BOSCH-107")).isEqualTo("DISCONTINUED");
        assertThat(line(review, "PWR-BOSCH-107").get("successorSku").asString()).isEqualTo("PWR-BOSCH-114");
        assertThat(invalidReasons(review)).containsExactlyInAnyOrder(
                "The quantity is zero: remove the line instead.",
                "The quantity -5 is negative.",
                "“много” is not a quantity.",
                "1.5 шт: this product is sold in whole units only.",
                "The quantity 2000000000 is more than anyone may order (at most 1,000,000,000).");
        assertThat(line(review, "CBL-NYM-3x2.5").get("quantity").decimalValue()).isEqualByComparingTo("13");
        assertThat(line(review, "NUT-DIN934-M10-ZINC").get("issues").toString()).contains("QUANTITY_ASSUMED");
        assertThat(line(review, "NUT-DIN934-M10-ZINC").get("quantity").decimalValue()).isEqualByComparingTo("100");

        String id = review.get("id").asString();
        int unknownLine = unknown.get("line").asInt();
        JsonNode choices = buyer.confirm(cart, id, """
                [{"line": %d, "action": "SKIP"}, {"line": %d, "action": "ADD", "sku": "%s"},
                 {"line": %d, "action": "SKIP"}]""".formatted(line(review, rounded.sku()).get("line").asInt(),
                unknownLine, bolts.get(2).sku(), line(review, backordered.sku()).get("line").asInt()));
        BigDecimal taken = scarce.available().divide(scarce.pack(), 0, java.math.RoundingMode.FLOOR)
                .multiply(scarce.pack());
        // any SKU of the assortment may be picked for an unknown line: here a bolt with stock, so ADD fits it
        List<String> lines = buyer.lines(cart);
        assertThat(lines).containsExactlyInAnyOrder(merged.sku() + "=500", anchor.sku() + "=25",
                scarce.sku() + "=" + taken.stripTrailingZeros().toPlainString(), "CBL-NYM-3x2.5=13",
                "NUT-DIN934-M10-ZINC=100", bolts.get(2).sku() + "=100");
        assertThat(lines).noneMatch(l -> l.startsWith(rounded.sku()) || l.startsWith(backordered.sku())
                || l.startsWith("PWR") || l.startsWith("WSH") || l.startsWith("NUT-DIN934-M8-"));
        assertThat(choices.get("added").asInt()).isEqualTo(lines.size());
        assertThat(json(buyer.get("/api/v1/carts/" + cart + "/history"), 200).findValuesAsString("source"))
                .containsOnly("API");
    }

    @Test
    void aReviewIsConfirmedOnceAndChoicesMustFitTheirLines() {
        Product scarce = products.inStock("ANC-", 25, 25, false).get(0);
        JsonNode review = buyer.review(cart, "NUT-DIN934-M8-ZINC;100\n" + scarce.sku() + ";1000000");
        String id = review.get("id").asString();
        int scarceLine = line(review, scarce.sku()).get("line").asInt();

        assertProblem(buyer.post("/api/v1/carts/" + cart + "/quick-order/" + id + "/confirm",
                "{\"choices\": [{\"line\": " + scarceLine + ", \"action\": \"BACKORDER\"}]}"), 422, "review-choice",
                "do not fit their lines: " + scarceLine + " (BACKORDER)");
        assertProblem(buyer.post("/api/v1/carts/" + cart + "/quick-order/" + id + "/confirm",
                "{\"choices\": [{\"line\": 99, \"action\": \"ADD\"}]}"), 422, "review-choice", "99");
        assertThat(buyer.lines(cart)).isEmpty();

        buyer.confirm(cart, id, "[{\"line\": " + scarceLine + ", \"action\": \"SKIP\"}]");
        assertThat(buyer.lines(cart)).containsExactly("NUT-DIN934-M8-ZINC=100");
        assertProblem(buyer.post("/api/v1/carts/" + cart + "/quick-order/" + id + "/confirm", "{}"), 409,
                "review-confirmed", "added already");
        assertThat(buyer.lines(cart)).containsExactly("NUT-DIN934-M8-ZINC=100");
    }

    @Test
    void anExpiredReviewIsRefused() {
        String id = buyer.review(cart, "NUT-DIN934-M8-ZINC;100").get("id").asString();
        jdbc.sql("update ordering.review set expires_at = now() - interval '1 minute' where id = cast(:id as uuid)")
                .param("id", id).update();

        assertProblem(buyer.post("/api/v1/carts/" + cart + "/quick-order/" + id + "/confirm", "{}"), 410,
                "review-expired", "expired");
        assertThat(buyer.lines(cart)).isEmpty();
    }

    @Test
    void pickingAnotherSkuResolvesTheLineAgain() {
        Product bolt = products.inStock("BLT-931-", 100, 1000, true).get(0);
        JsonNode review = buyer.review(cart, "BLT-931-NO-SUCH;150");
        String path = "/api/v1/carts/" + cart + "/quick-order/" + review.get("id").asString() + "/lines/1";

        JsonNode picked = json(buyer.put(path, "{\"sku\": \"" + bolt.sku() + "\"}"), 200);

        assertThat(picked.get("sku").asString()).isEqualTo(bolt.sku());
        assertThat(picked.get("typedSku").asString()).isEqualTo("BLT-931-NO-SUCH");
        assertThat(picked.get("quantity").decimalValue()).isEqualByComparingTo("200");
        assertThat(picked.get("issues").toString()).contains("REPLACED", "ROUNDED_TO_PACK");
        assertProblem(buyer.put(path, "{\"sku\": \"STILL-NO-SUCH\"}"), 422, "review-choice",
                "Line 1: STILL-NO-SUCH is not a product of your assortment");
        buyer.confirm(cart, review.get("id").asString(), "[]");
        assertThat(buyer.lines(cart)).containsExactly(bolt.sku() + "=200");
    }

    @Test
    void aBuyerWithARestrictedAssortmentIsToldWhatIsOutsideIt() {
        CartClient beta = new CartClient(new Http(port), "buyer@beta.demo");
        long betaCart = beta.createCart(unique("Beta quick"));

        JsonNode review = beta.review(betaCart, "PWR-BOSCH-114 1\nPWR-BOSCH-11 1\nNUT-DIN934-M8-ZINC 100");
        JsonNode alphaReview = buyer.review(cart, "PWR-BOSCH-11 1");
        assertThat(typed(alphaReview, "PWR-BOSCH-11").get("suggestions").valueStream().map(JsonNode::asString))
                .as("the whole catalog has similar power tools").anyMatch(s -> s.startsWith("PWR-BOSCH-1"));

        assertThat(status(review, "PWR-BOSCH-114")).isEqualTo("NOT_IN_ASSORTMENT");
        assertThat(line(review, "PWR-BOSCH-114").get("name").isNull()).isTrue();
        assertThat(line(review, "PWR-BOSCH-114").get("choices").toString()).isEqualTo("[\"SKIP\"]");
        assertThat(typed(review, "PWR-BOSCH-11").get("suggestions").valueStream().map(JsonNode::asString))
                .as("suggestions come from the buyer's assortment only").noneMatch(s -> s.startsWith("PWR"));
        beta.confirm(betaCart, review.get("id").asString(), "[]");
        assertThat(beta.lines(betaCart)).containsExactly("NUT-DIN934-M8-ZINC=100");
    }

    @Test
    void badInputIsRefusedAsProblemDetails() {
        String path = "/api/v1/carts/" + cart + "/quick-order";
        assertProblem(buyer.postText(path, "  \n\n "), 422, "quick-order-empty", "no lines to check");
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            tooMany.append("NUT-DIN934-M8-ZINC;100\n");
        }
        assertProblem(buyer.postText(path, tooMany.toString()), 422, "quick-order-too-many",
                "At most 10,000 lines at once; this has 10,001");
        assertProblem(buyer.post(path, "{\"lines\": []}"), 415, "bad-request", null);
        assertProblem(buyer.postMultipart(path, new Multipart().file("file", "order.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))), 422, "import-file", null);
        assertProblem(buyer.postMultipart(path, new Multipart().field("skuColumn", "A")), 422, "quick-order-empty",
                "Choose a file");
        assertThat(buyer.get("/api/v1/carts/" + cart + "/quick-order/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(buyer.lines(cart)).isEmpty();
    }

    @Test
    void aWindows1251CsvWithAHeaderIsReadLikeAPaste() {
        String csv = "Артикул;Количество\r\nNUT-DIN934-M8-ZINC;100\r\nWSH-DIN125-M8-ZINC;200\r\nNUT-DIN934-M8-ZINC;100\r\n";
        JsonNode review = json(buyer.postMultipart("/api/v1/carts/" + cart + "/quick-order", new Multipart()
                .file("file", "заказ.csv", "text/csv", csv.getBytes(Charset.forName("windows-1251")))), 201);

        assertThat(review.get("source").asString()).isEqualTo("FILE");
        assertThat(review.get("inputLines").asInt()).isEqualTo(3);
        assertThat(line(review, "NUT-DIN934-M8-ZINC").get("sourceLines").toString()).isEqualTo("[2,4]");
        buyer.confirm(cart, review.get("id").asString(), "[]");
        assertThat(buyer.lines(cart)).containsExactlyInAnyOrder("NUT-DIN934-M8-ZINC=200", "WSH-DIN125-M8-ZINC=200");
    }

    @Test
    void anXlsxWithoutAHeaderTakesTheColumnsTheBuyerNames() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            Object[][] rows = {{"Болт", "NUT-DIN934-M8-ZINC", 100.0}, {"Шайба", "WSH-DIN125-M8-ZINC", 400.0}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((String) rows[r][1]);
                row.createCell(2).setCellValue((Double) rows[r][2]);
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        String path = "/api/v1/carts/" + cart + "/quick-order";
        assertProblem(buyer.postMultipart(path, new Multipart().field("skuColumn", "Артикул").file("file", "order.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx)), 422,
                "quick-order-column", "no header row");

        JsonNode review = json(buyer.postMultipart(path, new Multipart().field("skuColumn", "B")
                .field("quantityColumn", "3").file("file", "order.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx)), 201);

        assertThat(review.get("lines").findValuesAsString("sku")).containsExactly("NUT-DIN934-M8-ZINC",
                "WSH-DIN125-M8-ZINC");
        assertThat(line(review, "WSH-DIN125-M8-ZINC").get("sourceLines").toString()).isEqualTo("[2]");
        assertThat(line(review, "WSH-DIN125-M8-ZINC").get("quantity").decimalValue()).isEqualByComparingTo("400");
    }

    @Test
    void tenThousandPastedLinesAreReviewedAndConfirmed() {
        // at most 2,000 distinct products, whatever other tests added to the shared catalog: the rest repeat them
        List<String> all = products.allActive();
        List<String> skus = all.subList(0, Math.min(all.size(), 2_000));
        List<String> lines = new ArrayList<>(10_000);
        for (int i = 0; lines.size() < 10_000; i++) {
            lines.add(skus.get(i % skus.size()) + "\t" + (i % 7 + 1) * 100);
        }
        long started = System.nanoTime();
        JsonNode review = json(buyer.postText("/api/v1/carts/" + cart + "/quick-order?lines=problems",
                String.join("\n", lines)), 201);
        long reviewed = System.nanoTime();
        JsonNode confirmed = buyer.confirm(cart, review.get("id").asString(), "[]");
        long done = System.nanoTime();
        System.out.printf("Quick order of 10,000 pasted lines (%d products): review %d ms, confirm %d ms "
                + "(measured around the HTTP calls on localhost)%n", skus.size(), (reviewed - started) / 1_000_000,
                (done - reviewed) / 1_000_000);

        assertThat(review.get("inputLines").asInt()).isEqualTo(10_000);
        int reviewLines = review.get("counts").valueStream().mapToInt(JsonNode::asInt).sum();
        assertThat(reviewLines).isEqualTo(skus.size());
        assertThat(review.get("counts").path("MERGED").asInt(0) + review.get("counts").path("ADJUSTED").asInt(0)
                + review.get("counts").path("OVER_STOCK").asInt(0)).isPositive();
        assertThat(review.get("lines").valueStream().map(l -> l.get("status").asString())).doesNotContain("OK");
        assertThat(confirmed.get("added").asInt() + confirmed.get("skipped").asInt()).isEqualTo(skus.size());
        assertThat(buyer.cart(cart).get("lines").size()).isEqualTo(confirmed.get("added").asInt());
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode line(JsonNode review, String sku) {
        return review.get("lines").valueStream().filter(l -> sku.equals(l.get("sku").asString(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + sku + " in " + review));
    }

    static JsonNode typed(JsonNode review, String typedSku) {
        return review.get("lines").valueStream().filter(l -> typedSku.equals(l.get("typedSku").asString(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no typed line " + typedSku + " in " + review));
    }

    private static String status(JsonNode review, String sku) {
        return line(review, sku).get("status").asString();
    }

    private static List<String> invalidReasons(JsonNode review) {
        return review.get("lines").valueStream().filter(l -> "INVALID".equals(l.get("status").asString()))
                .map(l -> l.get("reason").asString()).toList();
    }
}
