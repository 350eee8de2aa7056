package io.b2bportal.customers;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-registration from the form to the first sign-in and the seller's verification queue. */
@PortalTest
class RegistrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewCustomerRegistersConfirmsTheEmailSignsInAndWaitsForVerification() {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        String[] requisites = CustomersIsolationTests.freshRequisites();
        WebSession visitor = new WebSession(port);

        HttpResponse<String> sent = register(visitor, form(email, requisites[0], requisites[1]));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("data-testid=\"register-sent\"").contains(email);
        String mail = jdbc.sql("select body_text from platform.mail_outbox where recipient = :r")
                .param("r", email).query(String.class).single();
        String link = mail.replaceAll("(?s).*?(/register/confirm\\?token=[A-Za-z0-9_-]+).*", "$1");
        assertThat(link).startsWith("/register/confirm?token=");

        WebSession early = new WebSession(port);
        String token = WebSession.csrfToken(early.get("/login").body());
        HttpResponse<String> beforeConfirm = early.post("/login", "email=" + enc(email)
                + "&password=" + enc("correct horse battery") + "&_csrf=" + token, null);
        assertThat(beforeConfirm.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login?error=unconfirmed"));

        assertThat(visitor.get(link).body()).contains("Адрес подтверждён");
        assertThat(visitor.get(link).body()).contains("Ссылка не работает");

        WebSession buyer = new WebSession(port).login(email, "correct horse battery");
        assertThat(buyer.get("/company", "en").body()).contains("Новый Клиент").contains("waiting for verification");
        long entity = jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", requisites[0])
                .query(Long.class).single();
        assertThat(jdbc.sql("select status from customers.legal_entity where id = :id").param("id", entity)
                .query(String.class).single()).isEqualTo("PENDING");

        HttpResponse<String> queue = new Http(port).get("/api/v1/admin/customers/registrations",
                Http.basic("admin@demo.local", "demo"));
        assertThat(queue.body()).contains(requisites[0]);
        HttpResponse<String> approved = new Http(port).send(new Http(port)
                .request("/api/v1/admin/customers/legal-entities/" + entity + "/approve")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Authorization", Http.basic("admin@demo.local", "demo")));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(buyer.get("/company", "en").body()).contains("approved");
    }

    @Test
    void aWrongInnIsRefusedOnItsFieldAndNothingIsCreated() {
        String email = "bad-inn-" + UUID.randomUUID() + "@example.com";
        Map<String, String> form = form(email, "7704123451", "1027700123450");

        HttpResponse<String> page = register(new WebSession(port), form, "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-field=\"entity.inn\"");
        assertThat(jdbc.sql("select count(*) from platform.user_account where email = :e").param("e", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aKnownInnAndKppIsRefusedWithAHintAndLeavesNoAccountBehind() {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        Map<String, String> form = form(email, "7704123450", "1027700123450");

        HttpResponse<String> page = register(new WebSession(port), form, "en");

        assertThat(page.body()).contains("already registered").contains("invite you");
        assertThat(jdbc.sql("select count(*) from platform.user_account where email = :e").param("e", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anEmailWithAnAccountIsRefused() {
        String[] requisites = CustomersIsolationTests.freshRequisites();
        HttpResponse<String> page = register(new WebSession(port),
                form("buyer@beta.demo", requisites[0], requisites[1]), "en");

        assertThat(page.body()).contains("This e-mail already has an account");
        assertThat(jdbc.sql("select count(*) from customers.legal_entity where inn = :inn").param("inn", requisites[0])
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMismatchedPasswordAndAShortOneAreFieldErrors() {
        String[] requisites = CustomersIsolationTests.freshRequisites();
        Map<String, String> form = form("pw-" + UUID.randomUUID() + "@example.com", requisites[0], requisites[1]);
        form.put("password", "short");

        HttpResponse<String> page = register(new WebSession(port), form, "ru");

        assertThat(page.body()).contains("Пароли не совпадают").contains("Длина должна быть от 12 до 200 символов");
    }

    private static Map<String, String> form(String email, String inn, String ogrn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", "Новый Клиент");
        form.put("email", email);
        form.put("phone", "+7 900 000-00-00");
        form.put("password", "correct horse battery");
        form.put("passwordConfirmation", "correct horse battery");
        form.put("companyName", "ООО «Новый Клиент»");
        form.put("entity.name", "ООО «Новый Клиент»");
        form.put("entity.legalForm", "ORGANISATION");
        form.put("entity.inn", inn);
        form.put("entity.kpp", "770401001");
        form.put("entity.ogrn", ogrn);
        form.put("entity.legalAddress", "г. Москва, ул. Тверская, д. 1");
        form.put("entity.vatPayer", "true");
        return form;
    }

    private HttpResponse<String> register(WebSession session, Map<String, String> form) {
        return register(session, form, "ru");
    }

    private HttpResponse<String> register(WebSession session, Map<String, String> form, String language) {
        String token = WebSession.csrfToken(session.get("/register?lang=" + language).body());
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + token;
        return session.post("/register", body, null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
