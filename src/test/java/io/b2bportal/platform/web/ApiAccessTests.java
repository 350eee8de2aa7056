package io.b2bportal.platform.web;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The API's front door: Basic, API keys (issue, use, revoke), and Problem Details for everything that goes wrong. */
@PortalTest
class ApiAccessTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void meAnswersWithTheCallerUnderBasicAuth() {
        HttpResponse<String> response = http.get("/api/v1/me", basic("buyer@beta.demo", "demo"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.get("email").asString()).isEqualTo("buyer@beta.demo");
        assertThat(me.get("side").asString()).isEqualTo("CUSTOMER");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("BUYER");
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void refusesAnonymousCallsWithAProblemThatSaysHowToAuthenticate() {
        HttpResponse<String> response = http.send(http.request("/api/v1/me").header("Accept-Language", "en"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("Bearer").contains("Basic"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asString()).endsWith("/unauthorized");
        assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void refusesAWrongPassword() {
        HttpResponse<String> response = http.get("/api/v1/me", basic("buyer@gamma.demo", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("type").asString()).endsWith("/unauthorized");
    }

    @Test
    void anIssuedKeyWorksUntilItIsRevoked() {
        String owner = basic("accountant@alpha.demo", "demo");
        HttpResponse<String> created = http.postJson("/api/v1/api-keys", owner, "{\"name\":\"ERP sync\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created).get("token").asString();
        long id = json(created).get("key").get("id").asLong();
        assertThat(token).startsWith("bpk_");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/api-keys/" + id);

        HttpResponse<String> me = http.get("/api/v1/me", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo("accountant@alpha.demo");

        HttpResponse<String> listed = http.get("/api/v1/api-keys", owner);
        assertThat(listed.body()).contains("ERP sync").doesNotContain(token);
        assertThat(json(listed).get(0).get("lastUsedAt").isNull()).isFalse();

        HttpResponse<String> revoked = http.send(http.request("/api/v1/api-keys/" + id).DELETE()
                .header("Authorization", owner));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("revokedAt").isNull()).isFalse();

        HttpResponse<String> afterRevoke = http.send(http.request("/api/v1/me")
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en"));
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(json(afterRevoke).get("detail").asString()).contains("unknown or has been revoked");
    }

    @Test
    void nobodyCanRevokeSomeoneElsesKey() {
        HttpResponse<String> created = http.postJson("/api/v1/api-keys", basic("buyer@alpha.demo", "demo"),
                "{\"name\":\"mine\"}");
        long id = json(created).get("key").get("id").asLong();
        String token = json(created).get("token").asString();

        HttpResponse<String> attempt = http.send(http.request("/api/v1/api-keys/" + id).DELETE()
                .header("Authorization", basic("buyer@beta.demo", "demo")));

        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/me", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownKeyIsRefusedEvenWithValidBasicCredentialsAbsent() {
        HttpResponse<String> response = http.get("/api/v1/me", "Bearer bpk_doesnotexist");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("type").asString()).endsWith("/unauthorized");
    }

    @Test
    void aKeyWithoutANameIsRefusedFieldByFieldInTheCallersLanguage() {
        HttpResponse<String> response = http.send(http.request("/api/v1/api-keys")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"  \"}"))
                .header("Content-Type", "application/json").header("Accept-Language", "ru")
                .header("Authorization", basic("buyer@alpha.demo", "demo")));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("Заполните это поле.");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        HttpResponse<String> response = http.postJson("/api/v1/api-keys", basic("buyer@alpha.demo", "demo"), "{name:");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("type").asString()).endsWith("/bad-request");
    }

    @Test
    void unknownApiPathsAreNotFoundProblems() {
        HttpResponse<String> response = http.send(http.request("/api/v1/no-such-thing")
                .header("Authorization", basic("buyer@alpha.demo", "demo")).header("Accept-Language", "en"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("title").asString()).isEqualTo("Not found");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        HttpResponse<String> docs = http.get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).get("paths");
        assertThat(paths.has("/api/v1/me")).isTrue();
        assertThat(paths.has("/api/v1/api-keys")).isTrue();
        assertThat(paths.has("/api/v1/api-keys/{id}")).isTrue();
        assertThat(json(docs).get("components").get("securitySchemes").has("apiKey")).isTrue();
        assertThat(http.get("/api/docs", null).statusCode()).isEqualTo(302);
    }

    @Test
    void healthAndMetricsAreServed() {
        assertThat(json(http.get("/actuator/health/readiness", null)).get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnInsaneOne() {
        HttpResponse<String> given = http.send(http.request("/api/v1/me").header("X-Request-Id", "abc-123"));
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(json(given).get("requestId").asString()).isEqualTo("abc-123");

        HttpResponse<String> insane = http.send(http.request("/api/v1/me").header("X-Request-Id", "<script>"));
        assertThat(insane.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).doesNotContain("<").hasSize(36));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
