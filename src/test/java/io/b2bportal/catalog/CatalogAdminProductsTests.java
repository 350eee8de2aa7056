package io.b2bportal.catalog;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.catalog.CatalogAdminFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog manager's product page over real HTTP: creating, editing, and bad input that changes nothing. */
@PortalTest
class CatalogAdminProductsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CatalogAdminFixture f;
    WebSession session;

    @BeforeEach
    void setUp() {
        f = new CatalogAdminFixture(jdbc);
        session = new WebSession(port).login("catalog@demo.local", "demo");
        session.get("/admin/catalog/products?lang=en");
    }

    private Map<String, String> newProduct(String sku) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("_csrf", WebSession.csrfToken(session.get("/admin/catalog/products/new").body()));
        form.put("sku", sku);
        form.put("name", "Болт М8×40 DIN 933");
        form.put("nameEn", "Hex bolt M8x40");
        form.put("brand", "Fixpro");
        form.put("mpn", "933M840");
        form.put("barcodes", "4600000000011 4600000000028");
        form.put("unitCode", "796");
        form.put("unitName", "шт");
        form.put("packMultiple", "100");
        form.put("minOrderQty", "200");
        form.put("weightKg", "0,025");
        form.put("volumeM3", "0.00001");
        form.put("vatRate", "22");
        form.put("purchaseCost", "3,1415");
        form.put("description", "Оцинкованный");
        form.put("categoryId", String.valueOf(f.category));
        form.put("status", "ACTIVE");
        form.put("successorSku", "");
        form.put("backorderAllowed", "true");
        form.put("leadTimeDays", "14");
        form.put("attributes[" + f.number + "]", "8,5");
        form.put("attributes[" + f.flag + "]", "true");
        form.put("attributes[" + f.choice + "]", "сталь");
        return form;
    }

    private int products(String sku) {
        return jdbc.sql("select count(*) from catalog.product where sku = :s").param("s", sku).query(Integer.class)
                .single();
    }

    @Test
    void aCatalogManagerCreatesAProductWithEveryFieldAndTypedAttributes() {
        String sku = f.sku.replace("-1", "-NEW");
        HttpResponse<String> created = post(session, "/admin/catalog/products/new", newProduct(sku));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/catalog/products/" + sku);
        var row = jdbc.sql("""
                        select name_en, barcodes::text, min_order_qty, weight_kg, purchase_cost, backorder_allowed,
                               lead_time_days, attributes::text from catalog.product where sku = :s""")
                .param("s", sku).query().singleRow();
        assertThat(row.get("name_en")).isEqualTo("Hex bolt M8x40");
        assertThat(row.get("barcodes")).isEqualTo("{4600000000011,4600000000028}");
        assertThat((java.math.BigDecimal) row.get("weight_kg")).isEqualByComparingTo("0.025");
        assertThat((java.math.BigDecimal) row.get("purchase_cost")).isEqualByComparingTo("3.1415");
        assertThat(row.get("lead_time_days")).isEqualTo(14);
        assertThat((String) row.get("attributes")).contains("\"" + f.number + "\": 8.5", "\"" + f.flag + "\": true",
                "\"" + f.choice + "\": \"сталь\"");

        String page = session.get("/admin/catalog/products/" + sku).body();
        assertThat(page).contains("The product is created").contains("3.1415").contains("Diameter, мм")
                .contains("from Крепёж " + f.id);
    }

    @Test
    void aBadSkuIsRefusedNextToItsFieldInEnglishAndRussianAndNothingIsCreated() {
        HttpResponse<String> english = post(session, "/admin/catalog/products/new", newProduct("bad sku!"));

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("data-field=\"sku\"")
                .contains("Latin letters, digits and . _ / - only");
        session.get("/admin/catalog/products?lang=ru");
        assertThat(post(session, "/admin/catalog/products/new", newProduct("bad sku!")).body())
                .contains("Только латинские буквы, цифры и . _ / -");
        assertThat(products("bad sku!")).isZero();

        HttpResponse<String> taken = post(session, "/admin/catalog/products/new", newProduct(f.sku));
        assertThat(taken.body()).contains("Товар с артикулом " + f.sku + " уже есть.");
    }

    @Test
    void editingSavesTheFieldsAndMovesUpdatedAtOnlyWhenSomethingChanged() {
        OffsetDateTime before = updatedAt(f.sku);
        Map<String, String> form = f.form(session, f.sku);
        form.put("name", "Болт переименованный");
        form.put("attributes[" + f.number + "]", "10");

        HttpResponse<String> saved = post(session, "/admin/catalog/products/" + f.sku, form);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(session.get("/admin/catalog/products/" + f.sku).body()).contains("Saved.")
                .contains("Болт переименованный");
        OffsetDateTime after = updatedAt(f.sku);
        assertThat(after).isAfter(before);
        assertThat(jdbc.sql("select attributes ->> :c from catalog.product where sku = :s").param("c", f.number)
                .param("s", f.sku).query(String.class).single()).isEqualTo("10");

        post(session, "/admin/catalog/products/" + f.sku, f.form(session, f.sku));
        assertThat(session.get("/admin/catalog/products/" + f.sku).body()).contains("Nothing to save");
        assertThat(updatedAt(f.sku)).isEqualTo(after);
    }

    @Test
    void aSuccessorMustBeAnotherExistingProductAndARefusalChangesNothing() {
        String before = f.snapshot(f.sku);
        Map<String, String> form = f.form(session, f.sku);
        form.put("name", "Не сохранится");
        form.put("status", "DISCONTINUED");

        form.put("successorSku", f.sku);
        assertThat(post(session, "/admin/catalog/products/" + f.sku, form).body())
                .contains("A product cannot be its own successor.");
        form.put("successorSku", "NO-SUCH-SKU-" + f.id);
        assertThat(post(session, "/admin/catalog/products/" + f.sku, form).body())
                .contains("There is no product with the SKU NO-SUCH-SKU-" + f.id);
        assertThat(f.snapshot(f.sku)).isEqualTo(before);

        form.put("successorSku", f.other);
        assertThat(post(session, "/admin/catalog/products/" + f.sku, form).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select status || ' ' || successor_sku from catalog.product where sku = :s")
                .param("s", f.sku).query(String.class).single()).isEqualTo("DISCONTINUED " + f.other);
    }

    @Test
    void attributeValuesMustFitTheirTypes() {
        String before = f.snapshot(f.sku);
        Map<String, String> form = f.form(session, f.sku);
        form.put("attributes[" + f.number + "]", "восемь");
        form.put("attributes[" + f.flag + "]", "maybe");

        HttpResponse<String> refused = post(session, "/admin/catalog/products/" + f.sku, form);

        assertThat(refused.body()).contains("“восемь” is not a number.").contains("“maybe” is neither yes nor no.")
                .contains("data-field=\"attributes[" + f.number + "]\"");
        assertThat(f.snapshot(f.sku)).isEqualTo(before);
    }

    @Test
    void aFormOpenedBeforeSomeoneElseSavedDoesNotOverwriteTheirChange() {
        Map<String, String> stale = f.form(session, f.sku);
        jdbc.sql("update catalog.product set brand = 'Другой бренд' where sku = :s").param("s", f.sku).update();
        stale.put("name", "Моя правка");

        HttpResponse<String> refused = post(session, "/admin/catalog/products/" + f.sku, stale);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Someone changed product " + f.sku + " after you opened it");
        assertThat(jdbc.sql("select name || ' / ' || brand from catalog.product where sku = :s").param("s", f.sku)
                .query(String.class).single()).isEqualTo("Болт " + f.sku + " / Другой бренд");
    }

    @Test
    void negativeStockAndReservationsAboveOnHandAreRefusedAndStockStaysAsItWas() {
        String token = WebSession.csrfToken(session.get("/admin/catalog/products/" + f.sku).body());
        jdbc.sql("insert into catalog.stock (product_id, warehouse_id, on_hand, held) select id, :w, 10, 2 "
                + "from catalog.product where sku = :s").param("w", f.warehouseId).param("s", f.sku).update();
        String before = f.snapshot(f.sku);

        HttpResponse<String> overReserved = session.post("/admin/catalog/products/" + f.sku + "/stock",
                "_csrf=" + token + "&rows[0].warehouseId=" + f.warehouseId + "&rows[0].onHand=5&rows[0].reserved=6", null);
        assertThat(overReserved.body()).contains("No more than the 5 on hand can be reserved.");
        HttpResponse<String> negative = session.post("/admin/catalog/products/" + f.sku + "/stock",
                "_csrf=" + token + "&rows[0].warehouseId=" + f.warehouseId + "&rows[0].onHand=-1", null);
        assertThat(negative.body()).contains("data-field=\"rows[0].onHand\"").contains("Must not be negative.");
        assertThat(f.snapshot(f.sku)).isEqualTo(before);
    }

    @Test
    void stockIsSetPerWarehouseAndAnEmptyRowTakesTheProductOutOfIt() {
        OffsetDateTime before = updatedAt(f.sku);
        String token = WebSession.csrfToken(session.get("/admin/catalog/products/" + f.sku).body());

        HttpResponse<String> saved = session.post("/admin/catalog/products/" + f.sku + "/stock", "_csrf=" + token
                + "&rows[0].warehouseId=" + f.warehouseId + "&rows[0].onHand=40,5&rows[0].reserved=5"
                + "&rows[0].incoming=100&rows[0].incomingDate=2030-01-15", null);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select s.on_hand || '/' || s.held || '/' || s.incoming || '/' || s.incoming_date
                          from catalog.stock s join catalog.product p on p.id = s.product_id
                         where p.sku = :s and s.warehouse_id = :w""")
                .param("s", f.sku).param("w", f.warehouseId).query(String.class).single())
                .isEqualTo("40.500/5.000/100.000/2030-01-15");
        assertThat(updatedAt(f.sku)).isAfter(before);

        session.post("/admin/catalog/products/" + f.sku + "/stock", "_csrf=" + token + "&rows[0].warehouseId="
                + f.warehouseId + "&rows[0].onHand=", null);
        assertThat(jdbc.sql("select count(*) from catalog.stock s join catalog.product p on p.id = s.product_id "
                + "where p.sku = :s").param("s", f.sku).query(Integer.class).single()).isZero();
    }

    private OffsetDateTime updatedAt(String sku) {
        return jdbc.sql("select updated_at from catalog.product where sku = :s").param("s", sku)
                .query(OffsetDateTime.class).single();
    }
}
