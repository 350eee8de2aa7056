package io.b2bportal.platform.mail;

import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.b2bportal.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** Without SMTP (the default): mail is kept in the outbox, only with its transaction, and only admins read it. */
@PortalTest
class MailOutboxTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Mailer mailer;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailSentInATransactionThatRollsBackIsGone() {
        String rolledBack = recipient();
        String committed = recipient();

        transaction.executeWithoutResult(status -> {
            mailer.send(new OutgoingMail(rolledBack, "Подтвердите адрес", "Текст", "registration.confirm"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                mailer.send(new OutgoingMail(committed, "Подтвердите адрес", "Текст", "registration.confirm")));

        assertThat(statuses(rolledBack)).isEmpty();
        assertThat(statuses(committed)).containsExactly("KEPT");
    }

    @Test
    void aKeptMailIsListedForAdminsAndItsLinksCanBeFollowed() {
        String to = recipient();
        mailer.send(new OutgoingMail(to, "Confirm your e-mail",
                "Hello <script>alert(1)</script>,\nconfirm here: https://portal.example/confirm?t=abc&x=1.\nThanks",
                "registration.confirm"));
        long id = idOf(to);
        WebSession admin = new WebSession(port).login("admin@demo.local", "demo");

        HttpResponse<String> list = admin.get("/admin/mail", "en");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Mail outbox").contains(to).contains("Confirm your e-mail")
                .contains("registration.confirm").contains("badge badge--kept").contains("/admin/mail/" + id);

        HttpResponse<String> detail = admin.get("/admin/mail/" + id, "ru");
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains("<a href=\"https://portal.example/confirm?t=abc&amp;x=1\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .contains("Получатель").contains("сохранено");
    }

    @Test
    void adminsReadTheOutboxOverTheApi() {
        String to = recipient();
        mailer.send(new OutgoingMail(to, "Счёт № 7", "Счёт во вложении.", "<p>Счёт во вложении.</p>",
                "invoice.issued"));
        long id = idOf(to);
        Http http = new Http(port);

        HttpResponse<String> list = http.get("/api/v1/admin/mail?size=10", basic("admin@demo.local", "demo"));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(list.body());
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(10);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(id);
        assertThat(first.get("recipient").asString()).isEqualTo(to);
        assertThat(first.get("status").asString()).isEqualTo("KEPT");

        HttpResponse<String> one = http.get("/api/v1/admin/mail/" + id, basic("admin@demo.local", "demo"));
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode mail = JSON.readTree(one.body());
        assertThat(mail.get("subject").asString()).isEqualTo("Счёт № 7");
        assertThat(mail.get("bodyText").asString()).isEqualTo("Счёт во вложении.");
        assertThat(mail.get("bodyHtml").asString()).isEqualTo("<p>Счёт во вложении.</p>");
        assertThat(mail.get("kind").asString()).isEqualTo("invoice.issued");
    }

    @Test
    void managersAndBuyersCannotReadMail() {
        String to = recipient();
        mailer.send(new OutgoingMail(to, "Reset your password", "https://portal.example/reset?t=secret",
                "password.reset"));
        long id = idOf(to);
        Http http = new Http(port);

        for (String user : List.of("manager@demo.local", "buyer@alpha.demo")) {
            WebSession session = new WebSession(port).login(user, "demo");
            for (String path : List.of("/admin/mail", "/admin/mail/" + id, "/admin/mail?page=2")) {
                HttpResponse<String> page = session.get(path, "en");
                assertThat(page.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(page.body()).contains("Access denied").doesNotContain("t=secret");
            }
            for (String path : List.of("/api/v1/admin/mail", "/api/v1/admin/mail/" + id)) {
                HttpResponse<String> api = http.get(path, basic(user, "demo"));
                assertThat(api.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(api.body()).contains("/problems/forbidden").doesNotContain("t=secret");
            }
        }
        assertThat(http.get("/api/v1/admin/mail", null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAdminsSeeTheOutboxLinkInTheBackOffice() {
        assertThat(new WebSession(port).login("admin@demo.local", "demo").get("/admin", "en").body())
                .contains("href=\"/admin/mail\"");
        assertThat(new WebSession(port).login("head@demo.local", "demo").get("/admin", "en").body())
                .doesNotContain("/admin/mail");
    }

    @Test
    void theOutboxIsPagedByFiftyNewestFirst() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 60; i++) {
                mailer.send(new OutgoingMail(recipient(), "Paging " + i, "text", "test.paging"));
            }
        });
        WebSession admin = new WebSession(port).login("admin@demo.local", "demo");

        List<Long> first = mailIds(admin.get("/admin/mail", "en").body());
        List<Long> second = mailIds(admin.get("/admin/mail?page=2", "en").body());

        assertThat(first).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(second).isNotEmpty().allMatch(id -> id < first.getLast());
        assertThat(admin.get("/admin/mail", "en").body()).contains("Page 1 of").contains("?page=2");
    }

    @Test
    void anUnknownMailIsNotFound() {
        HttpResponse<String> api = new Http(port).get("/api/v1/admin/mail/999999999", basic("admin@demo.local", "demo"));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("/problems/not-found");

        HttpResponse<String> page = new WebSession(port).login("admin@demo.local", "demo")
                .get("/admin/mail/999999999", "en");
        assertThat(page.statusCode()).isEqualTo(404);
    }

    private static String recipient() {
        return "outbox-" + UUID.randomUUID() + "@test.local";
    }

    private List<String> statuses(String recipient) {
        return jdbc.sql("select status from platform.mail_outbox where recipient = :r")
                .param("r", recipient).query(String.class).list();
    }

    private long idOf(String recipient) {
        return jdbc.sql("select id from platform.mail_outbox where recipient = :r")
                .param("r", recipient).query(Long.class).single();
    }

    private static List<Long> mailIds(String html) {
        List<Long> ids = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("href=\"/admin/mail/(\\d+)\"").matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
