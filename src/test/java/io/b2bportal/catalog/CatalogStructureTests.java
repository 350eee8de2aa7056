package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** Categories, attributes and warehouses: every member of staff sees them, catalog managers change them. */
@PortalTest
class CatalogStructureTests {

    @LocalServerPort
    int port;

    @Test
    void aCatalogManagerAddsACategoryWithItsAttributeSet() {
        String code = "cat-" + UUID.randomUUID().toString().substring(0, 8);
        var created = new Http(port).postJson("/api/v1/admin/categories", basic("catalog@demo.local", "demo"),
                "{\"code\":\"" + code + "\",\"name\":\"Хомуты\",\"nameEn\":\"Clamps\",\"attributes\":[\"diameter_mm\",\"material\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"attributes\":[\"diameter_mm\",\"material\"]");
        assertThat(new Http(port).get("/api/v1/admin/categories", basic("ops@demo.local", "demo")).body()).contains(code);
    }

    @Test
    void otherStaffMayLookButNotChangeAndBuyersMayDoNeither() {
        String body = "{\"code\":\"wh-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Склад\"}";
        assertThat(new Http(port).postJson("/api/v1/admin/warehouses", basic("manager@demo.local", "demo"), body)
                .statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/admin/warehouses", basic("buyer@alpha.demo", "demo")).statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).postJson("/api/v1/admin/warehouses", basic("admin@demo.local", "demo"), body)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aDuplicateCodeOrAnUnknownAttributeIsRefusedAndNothingIsAdded() {
        var duplicate = new Http(port).postJson("/api/v1/admin/attributes", basic("catalog@demo.local", "demo"),
                "{\"code\":\"thread\",\"name\":\"Резьба\",\"type\":\"ENUM\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);

        String code = "cat-" + UUID.randomUUID().toString().substring(0, 8);
        var unknown = new Http(port).postJson("/api/v1/admin/categories", basic("catalog@demo.local", "demo"),
                "{\"code\":\"" + code + "\",\"name\":\"X\",\"attributes\":[\"no_such_attribute\"]}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(new Http(port).get("/api/v1/admin/categories", basic("catalog@demo.local", "demo")).body())
                .doesNotContain(code);
    }

    @Test
    void theStructurePageListsCategoriesAttributesAndWarehouses() {
        var page = new WebSession(port).login("catalog@demo.local", "demo").get("/admin/catalog", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Catalog structure").contains("Склад Подольск").contains("strength_class");
    }
}
