package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Warehouses, attributes and category attribute sets, added and changed on their pages (and one API twin). */
@PortalTest
class CatalogAdminStructureTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CatalogAdminFixture f;
    WebSession session;
    String token;

    @BeforeEach
    void setUp() {
        f = new CatalogAdminFixture(jdbc);
        session = new WebSession(port).login("catalog@demo.local", "demo");
        token = WebSession.csrfToken(session.get("/admin/catalog/warehouses/new?lang=en").body());
    }

    @Test
    void aWarehouseIsAddedAndChangedAndADuplicateCodeIsRefusedAtItsField() {
        String code = "n-" + f.id;
        HttpResponse<String> added = session.post("/admin/catalog/warehouses/new", "_csrf=" + token + "&code=" + code
                + "&name=Склад+Казань&address=Казань&position=", null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        long id = jdbc.sql("select id from catalog.warehouse where code = :c").param("c", code).query(Long.class).single();
        assertThat(session.get("/admin/catalog").body()).contains("“Склад Казань” saved.");

        HttpResponse<String> changed = session.post("/admin/catalog/warehouses/" + id, "_csrf=" + token + "&code=" + code
                + "-2&name=Склад+Казань-2&address=Казань,+Складская+1&position=7", null);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(session.get("/admin/catalog").body()).contains("“Склад Казань-2” saved.");
        assertThat(jdbc.sql("select code || ' ' || name || ' ' || position from catalog.warehouse where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo(code + "-2 Склад Казань-2 7");

        HttpResponse<String> duplicate = session.post("/admin/catalog/warehouses/" + id, "_csrf=" + token
                + "&code=msk&name=X&address=&position=1", null);
        assertThat(duplicate.body()).contains("A warehouse with the code msk already exists.")
                .contains("data-field=\"code\"");
    }

    @Test
    void anAttributeIsAddedAndChangedButItsTypeStaysWhileProductsHoldOtherKindsOfValues() {
        String code = "new_" + f.id;
        assertThat(session.post("/admin/catalog/attributes/new", "_csrf=" + token + "&code=" + code
                + "&name=Шаг+резьбы&nameEn=Pitch&type=NUMBER&unit=мм&filterable=true&position=", null).statusCode())
                .isEqualTo(302);
        long id = jdbc.sql("select id from catalog.attribute where code = :c").param("c", code).query(Long.class)
                .single();
        session.post("/admin/catalog/attributes/" + id, "_csrf=" + token + "&code=" + code
                + "&name=Шаг&nameEn=Pitch&type=NUMBER&unit=мм&_filterable=on&position=3", null);
        assertThat(jdbc.sql("select name || ' ' || filterable from catalog.attribute where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Шаг false");

        long used = jdbc.sql("select id from catalog.attribute where code = :c").param("c", f.number)
                .query(Long.class).single();
        HttpResponse<String> refused = session.post("/admin/catalog/attributes/" + used, "_csrf=" + token + "&code="
                + f.number + "&name=Диаметр&type=ENUM&unit=мм&filterable=true&position=1", null);
        assertThat(refused.body()).contains("Products have values of " + f.number);
        assertThat(jdbc.sql("select type from catalog.attribute where id = :id").param("id", used).query(String.class)
                .single()).isEqualTo("NUMBER");

        long textual = jdbc.sql("select id from catalog.attribute where code = :c").param("c", f.choice)
                .query(Long.class).single();
        session.post("/admin/catalog/attributes/" + textual, "_csrf=" + token + "&code=" + f.choice
                + "&name=Материал&type=TEXT&unit=&filterable=true&position=1", null);
        assertThat(jdbc.sql("select type from catalog.attribute where id = :id").param("id", textual)
                .query(String.class).single()).isEqualTo("TEXT");
    }

    @Test
    void attributesAreAttachedToAndDetachedFromACategorysOwnSetAndInheritedOnesAreShown() {
        String page = session.get("/admin/catalog/categories/" + f.category).body();
        assertThat(page).contains("Диаметр (Крепёж " + f.id + ")");

        HttpResponse<String> saved = session.post("/admin/catalog/categories/" + f.category, "_csrf=" + token
                + "&parentId=" + f.parent + "&code=tc-" + f.id + "&name=Болты+" + f.id + "&nameEn=Fixture+" + f.id + "&attributes="
                + f.choice + "&attributes=thread", null);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select a.code from catalog.category_attribute ca join catalog.attribute a on a.id = ca.attribute_id
                         where ca.category_id = :c order by a.code""")
                .param("c", f.category).query(String.class).list()).isEqualTo(List.of(f.choice, "thread").stream()
                .sorted().toList());
        // the product keeps the value of the detached attribute, and its page offers to clear it
        assertThat(session.get("/admin/catalog/products/" + f.sku).body()).contains("not in the category’s set");
    }

    @Test
    void aWarehouseIsChangedOverTheApiByCatalogManagersOnly() {
        Http http = new Http(port);
        String body = "{\"code\":\"" + f.warehouse + "\",\"name\":\"Склад API\",\"address\":\"Тула\"}";
        HttpResponse<String> sales = http.send(http.request("/api/v1/admin/warehouses/" + f.warehouseId)
                .header("Authorization", Http.basic("manager@demo.local", "demo"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(sales.statusCode()).isEqualTo(403);

        HttpResponse<String> catalog = http.send(http.request("/api/v1/admin/warehouses/" + f.warehouseId)
                .header("Authorization", Http.basic("catalog@demo.local", "demo"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
        assertThat(catalog.body()).contains("Склад API");
    }
}
