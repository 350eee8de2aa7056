package io.b2bportal.pricing.admin;

import io.b2bportal.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pricing admin API as a demo user calls it, and the demo rows tests price, in one line each. */
final class AdminCalls {

    static final String CATALOG = "catalog@demo.local";
    static final String ADMIN = "admin@demo.local";
    static final String HEAD = "head@demo.local";
    static final String MANAGER = "manager@demo.local";
    static final String MANAGER2 = "manager2@demo.local";
    static final String OPS = "ops@demo.local";
    static final String BUYER = "buyer@alpha.demo";

    private final Http http;

    AdminCalls(int port) {
        this.http = new Http(port);
    }

    HttpResponse<String> get(String user, String path) {
        return http.send(http.request(path).GET().header("Authorization", Http.basic(user, "demo"))
                .header("Accept-Language", "en"));
    }

    HttpResponse<String> post(String user, String path, String json) {
        return send(user, "POST", path, json);
    }

    HttpResponse<String> put(String user, String path, String json) {
        return send(user, "PUT", path, json);
    }

    HttpResponse<String> delete(String user, String path) {
        return send(user, "DELETE", path, null);
    }

    private HttpResponse<String> send(String user, String method, String path, String json) {
        HttpRequest.Builder request = http.request(path)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", Http.basic(user, "demo")).header("Accept-Language", "en");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request);
    }

    /** A fresh code, so tests sharing the one database never collide. */
    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new price list made through the API by the catalog manager. */
    String newList(String prefix) {
        String code = code(prefix);
        var created = post(CATALOG, "/api/v1/admin/pricing/price-lists",
                "{\"code\":\"" + code + "\",\"name\":\"Test " + code + "\",\"currency\":\"RUB\",\"includesVat\":true}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        return code;
    }

    /** Demo products, by SKU order: the n-th of a category (subcategories not included). */
    static String sku(JdbcClient jdbc, String category, int n) {
        return jdbc.sql("""
                        select p.sku from catalog.product p join catalog.category c on c.id = p.category_id
                         where c.code = :category order by p.sku offset :n limit 1""")
                .param("category", category).param("n", n).query(String.class).single();
    }

    static long productId(JdbcClient jdbc, String sku) {
        return jdbc.sql("select id from catalog.product where sku = :sku").param("sku", sku).query(Long.class).single();
    }

    static String brandOf(JdbcClient jdbc, String sku) {
        return jdbc.sql("select brand from catalog.product where sku = :sku").param("sku", sku).query(String.class).single();
    }
}
