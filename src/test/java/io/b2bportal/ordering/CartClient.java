package io.b2bportal.ordering;

import io.b2bportal.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carts API as one user sees it, over real HTTP: each call names the user (HTTP Basic, password {@code demo}) and,
 * optionally, the legal entity ({@code X-Legal-Entity}).
 */
final class CartClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http;
    private final String authorization;
    private final Long legalEntity;

    CartClient(Http http, String email) {
        this(http, Http.basic(email, "demo"), null);
    }

    private CartClient(Http http, String authorization, Long legalEntity) {
        this.http = http;
        this.authorization = authorization;
        this.legalEntity = legalEntity;
    }

    /** The same user acting for another legal entity. */
    CartClient actingFor(long legalEntityId) {
        return new CartClient(http, authorization, legalEntityId);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postText(String path, String text) {
        return send(request(path).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    HttpResponse<String> postMultipart(String path, io.b2bportal.support.Multipart body) {
        return send(request(path).header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    // ------------------------------------------------------------------ shortcuts that expect success

    long createCart(String name) {
        return json(post("/api/v1/carts", "{\"name\": " + quote(name) + "}"), 201).get("id").asLong();
    }

    JsonNode cart(long cartId) {
        return json(get("/api/v1/carts/" + cartId), 200);
    }

    JsonNode addLine(long cartId, String sku, String quantity) {
        return json(post("/api/v1/carts/" + cartId + "/lines",
                "{\"sku\": " + quote(sku) + ", \"quantity\": " + quantity + "}"), 201);
    }

    JsonNode review(long cartId, String text) {
        return json(postText("/api/v1/carts/" + cartId + "/quick-order", text), 201);
    }

    JsonNode confirm(long cartId, String reviewId, String choicesJson) {
        return json(post("/api/v1/carts/" + cartId + "/quick-order/" + reviewId + "/confirm",
                "{\"choices\": " + choicesJson + "}"), 200);
    }

    /** The cart's lines as "SKU=quantity" in line order, quantities without trailing zeros. */
    List<String> lines(long cartId) {
        return cart(cartId).get("lines").valueStream()
                .map(l -> l.get("sku").asString() + "=" + l.get("quantity").decimalValue().stripTrailingZeros()
                        .toPlainString())
                .toList();
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = http.request(path).header("Authorization", authorization)
                .header("Accept-Language", "en");
        if (legalEntity != null) {
            request.header("X-Legal-Entity", legalEntity.toString());
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return http.send(request);
    }
}
