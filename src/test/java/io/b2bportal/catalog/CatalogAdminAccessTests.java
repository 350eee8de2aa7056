package io.b2bportal.catalog;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.b2bportal.catalog.CatalogAdminAccessTests.Persona.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every back-office page and admin API endpoint of the catalog, tried by every kind of caller: a buyer, a sales
 * manager and an operations clerk are refused (403; the anonymous go to the login page or get 401) and never see a
 * product's purchase cost; catalog managers and administrators get through. Requests that get through are made
 * harmless (invalid forms, unknown ids, the fixture's own data). A new endpoint not in the table fails the build.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAdminAccessTests {

    enum Persona {
        ANONYMOUS(null), BUYER("buyer@alpha.demo"), SALES("manager@demo.local"), OPS("ops@demo.local"),
        CATALOG("catalog@demo.local"), ADMIN("admin@demo.local");

        final String email;

        Persona(String email) {
            this.email = email;
        }
    }

    private static final Set<Persona> MANAGERS = EnumSet.of(CATALOG, ADMIN);
    private static final Set<Persona> STAFF = EnumSet.of(SALES, OPS, CATALOG, ADMIN);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<Persona, WebSession> sessions = new EnumMap<>(Persona.class);
    private CatalogAdminFixture f;

    record Endpoint(String method, String pattern, Supplier<String> path, String body, Set<Persona> allowed,
            Supplier<Multipart> multipart) {
    }

    @BeforeAll
    void setUp() {
        f = new CatalogAdminFixture(jdbc);
        jdbc.sql("update catalog.product set purchase_cost = 987654.3210 where sku = :s").param("s", f.sku).update();
        for (Persona persona : Persona.values()) {
            sessions.put(persona, persona.email == null ? new WebSession(port)
                    : new WebSession(port).login(persona.email, "demo"));
        }
    }

    private List<Endpoint> endpoints() {
        String product = "/admin/catalog/products/" + f.sku;
        String api = "/api/v1/admin/products/" + f.sku;
        long attribute = jdbc.sql("select id from catalog.attribute where code = :c").param("c", f.choice)
                .query(Long.class).single();
        List<Endpoint> list = new ArrayList<>();
        // structure pages
        list.add(page("GET", "/admin/catalog", "/admin/catalog", null));
        list.add(page("POST", "/admin/catalog/categories", "/admin/catalog/categories", "code=&name="));
        list.add(page("GET", "/admin/catalog/categories/{id}", "/admin/catalog/categories/" + f.category, null));
        list.add(page("POST", "/admin/catalog/categories/{id}", "/admin/catalog/categories/" + f.category, "code="));
        list.add(page("GET", "/admin/catalog/warehouses/new", "/admin/catalog/warehouses/new", null));
        list.add(page("POST", "/admin/catalog/warehouses/new", "/admin/catalog/warehouses/new", "code="));
        list.add(page("GET", "/admin/catalog/warehouses/{id}", "/admin/catalog/warehouses/" + f.warehouseId, null));
        list.add(page("POST", "/admin/catalog/warehouses/{id}", "/admin/catalog/warehouses/" + f.warehouseId, "code="));
        list.add(page("GET", "/admin/catalog/attributes/new", "/admin/catalog/attributes/new", null));
        list.add(page("POST", "/admin/catalog/attributes/new", "/admin/catalog/attributes/new", "code="));
        list.add(page("GET", "/admin/catalog/attributes/{id}", "/admin/catalog/attributes/" + attribute, null));
        list.add(page("POST", "/admin/catalog/attributes/{id}", "/admin/catalog/attributes/" + attribute, "code="));
        // product pages
        list.add(page("GET", "/admin/catalog/products", "/admin/catalog/products?q=" + f.sku, null));
        list.add(page("GET", "/admin/catalog/products/new", "/admin/catalog/products/new", null));
        list.add(page("POST", "/admin/catalog/products/new", "/admin/catalog/products/new", "sku="));
        list.add(page("GET", "/admin/catalog/products/{sku}", product, null));
        list.add(page("POST", "/admin/catalog/products/{sku}", product, "sku=&name="));
        list.add(page("GET", "/admin/catalog/attribute-inputs", "/admin/catalog/attribute-inputs?categoryId="
                + f.category + "&sku=" + f.sku, null));
        list.add(page("POST", "/admin/catalog/products/{sku}/relations", product + "/relations", "kind=ANALOG&relatedSku="));
        list.add(page("POST", "/admin/catalog/products/{sku}/relations/remove", product + "/relations/remove",
                "kind=ANALOG&relatedSku=NOPE"));
        list.add(page("POST", "/admin/catalog/products/{sku}/stock", product + "/stock", "rows[0].warehouseId="
                + f.warehouseId + "&rows[0].onHand=-1"));
        list.add(new Endpoint("POST", "/admin/catalog/products/{sku}/files", () -> product + "/files", null, MANAGERS,
                () -> new Multipart().field("kind", "IMAGE").field("title", "x")));
        list.add(page("POST", "/admin/catalog/products/{sku}/files/{id}/remove", product + "/files/0/remove", null));
        list.add(page("POST", "/admin/catalog/products/{sku}/files/{id}/move", product + "/files/0/move?direction=1",
                null));
        // imports and exports (pages)
        list.add(page("GET", "/admin/catalog/imports", "/admin/catalog/imports", null));
        list.add(new Endpoint("POST", "/admin/catalog/imports", () -> "/admin/catalog/imports", null, MANAGERS,
                () -> new Multipart().field("kind", "PRODUCTS").file("file", "empty.csv", "text/csv", new byte[0])));
        list.add(page("GET", "/admin/catalog/imports/{id}", "/admin/catalog/imports/0", null));
        list.add(page("GET", "/admin/catalog/imports/{id}/panel", "/admin/catalog/imports/0/panel", null));
        list.add(page("POST", "/admin/catalog/imports/{id}/apply", "/admin/catalog/imports/0/apply", null));
        list.add(page("GET", "/admin/catalog/exports/{what}", "/admin/catalog/exports/nothing?format=csv", null));
        // structure API: every member of staff looks, catalog managers change (valid bodies: the service decides)
        String code = UUID.randomUUID().toString().substring(0, 8);
        list.add(api("GET", "/api/v1/admin/categories", "/api/v1/admin/categories", null, STAFF));
        list.add(api("POST", "/api/v1/admin/categories", "/api/v1/admin/categories",
                "{\"code\":\"acc-" + code + "\",\"name\":\"Доступ\",\"parentId\":" + f.parent + "}", MANAGERS));
        list.add(api("PUT", "/api/v1/admin/categories/{id}", "/api/v1/admin/categories/" + f.category,
                "{\"code\":\"tc-" + f.id + "\",\"name\":\"Болты " + f.id + "\",\"attributes\":[\"" + f.flag + "\"]}",
                MANAGERS));
        list.add(api("GET", "/api/v1/admin/attributes", "/api/v1/admin/attributes", null, STAFF));
        list.add(api("POST", "/api/v1/admin/attributes", "/api/v1/admin/attributes",
                "{\"code\":\"acc_" + code + "\",\"name\":\"Доступ\",\"type\":\"TEXT\"}", MANAGERS));
        list.add(api("PUT", "/api/v1/admin/attributes/{id}", "/api/v1/admin/attributes/" + attribute,
                "{\"code\":\"" + f.choice + "\",\"name\":\"Материал\",\"type\":\"ENUM\"}", MANAGERS));
        list.add(api("GET", "/api/v1/admin/warehouses", "/api/v1/admin/warehouses", null, STAFF));
        list.add(api("POST", "/api/v1/admin/warehouses", "/api/v1/admin/warehouses",
                "{\"code\":\"acc-" + code + "\",\"name\":\"Доступ\"}", MANAGERS));
        list.add(api("PUT", "/api/v1/admin/warehouses/{id}", "/api/v1/admin/warehouses/" + f.warehouseId,
                "{\"code\":\"" + f.warehouse + "\",\"name\":\"Склад\"}", MANAGERS));
        // import API
        list.add(new Endpoint("POST", "/api/v1/admin/catalog/imports", () -> "/api/v1/admin/catalog/imports?kind=PRODUCTS",
                null, MANAGERS, () -> new Multipart().file("file", "empty.csv", "text/csv", new byte[0])));
        list.add(api("GET", "/api/v1/admin/catalog/imports", "/api/v1/admin/catalog/imports", null, MANAGERS));
        list.add(api("GET", "/api/v1/admin/catalog/imports/{id}", "/api/v1/admin/catalog/imports/0", null, MANAGERS));
        list.add(api("POST", "/api/v1/admin/catalog/imports/{id}/apply", "/api/v1/admin/catalog/imports/0/apply", null,
                MANAGERS));
        list.add(api("GET", "/api/v1/admin/catalog/exports/{what}", "/api/v1/admin/catalog/exports/nothing", null,
                MANAGERS));
        list.add(api("PUT", "/api/v1/admin/products", "/api/v1/admin/products", "[]", MANAGERS));
        list.add(api("PUT", "/api/v1/admin/stock", "/api/v1/admin/stock", "[]", MANAGERS));
        // product API
        list.add(api("GET", "/api/v1/admin/products", "/api/v1/admin/products?q=" + f.sku, null, MANAGERS));
        list.add(api("GET", "/api/v1/admin/products/{sku}", api, null, MANAGERS));
        list.add(api("PUT", "/api/v1/admin/products/{sku}/relations", api + "/relations", "{}", MANAGERS));
        list.add(new Endpoint("POST", "/api/v1/admin/products/{sku}/files", () -> api + "/files", null, MANAGERS,
                () -> new Multipart().field("kind", "IMAGE")));
        list.add(api("DELETE", "/api/v1/admin/products/{sku}/files/{id}", api + "/files/0", null, MANAGERS));
        return list;
    }

    @Test
    void everyAdminEndpointOfTheCatalogIsInTheTable() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    if (method.getBeanType().getPackageName().startsWith("io.b2bportal.catalog")) {
                        for (String pattern : info.getPatternValues()) {
                            if (pattern.startsWith("/admin") || pattern.startsWith("/api/v1/admin")) {
                                info.getMethodsCondition().getMethods().forEach(verb -> mapped.add(verb + " " + pattern));
                            }
                        }
                    }
                }));
        Set<String> tested = new TreeSet<>();
        endpoints().forEach(e -> tested.add(e.method() + " " + e.pattern()));

        assertThat(tested).as("admin endpoints of the catalog that the table does not try").containsAll(mapped);
        assertThat(mapped).as("table rows for endpoints that no longer exist").containsAll(tested);
    }

    @Test
    void onlyCatalogManagersAndAdministratorsGetThroughAndNobodyElseSeesThePurchaseCost() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Persona persona : Persona.values()) {
                HttpResponse<String> response = call(persona, endpoint);
                int status = response.statusCode();
                String location = response.headers().firstValue("Location").orElse("");
                boolean refused = status == 401 || status == 403 || status == 302 && location.contains("/login");
                String what = endpoint.method() + " " + endpoint.pattern() + " as " + persona + ": " + status;
                if (endpoint.allowed().contains(persona) == refused) {
                    failures.add((refused ? "refused: " : "got through: ") + what);
                }
                if (!refused && status >= 500) {
                    failures.add("failed: " + what);
                }
                if (persona != ANONYMOUS && !STAFF.contains(persona) || persona == SALES || persona == OPS) {
                    if (!MANAGERS.contains(persona) && response.body().contains("987654")) {
                        failures.add("saw the purchase cost: " + what);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private HttpResponse<String> call(Persona persona, Endpoint endpoint) {
        String path = endpoint.path().get();
        Multipart multipart = endpoint.multipart() == null ? null : endpoint.multipart().get();
        if (endpoint.pattern().startsWith("/api/")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(endpoint.method(), multipart != null ? multipart.publisher()
                            : endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(endpoint.body()))
                    .header("Content-Type", multipart != null ? multipart.contentType() : "application/json");
            if (persona.email != null) {
                request.header("Authorization", Http.basic(persona.email, "demo"));
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        WebSession session = sessions.get(persona);
        if (endpoint.method().equals("GET")) {
            return session.get(path);
        }
        String token = WebSession.csrfToken(session.get(persona == ANONYMOUS ? "/login" : "/account/api-keys").body());
        if (multipart != null) {
            return session.post(path + (path.contains("?") ? "&" : "?") + "_csrf=" + token, multipart);
        }
        return session.post(path, (endpoint.body() == null ? "" : endpoint.body() + "&") + "_csrf=" + token, null);
    }

    private static Endpoint page(String method, String pattern, String path, String body) {
        return new Endpoint(method, pattern, () -> path, body, MANAGERS, null);
    }

    private static Endpoint api(String method, String pattern, String path, String body, Set<Persona> allowed) {
        return new Endpoint(method, pattern, () -> path, body, allowed, null);
    }
}
