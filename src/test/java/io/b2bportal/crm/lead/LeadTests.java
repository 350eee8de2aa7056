package io.b2bportal.crm.lead;

import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leads from every door: a real self-registration, the public form (with its honeypot and bad input), a CSV file
 * with bad rows; then qualified and converted into a customer with a contact and a first deal, or disqualified
 * with a reason; and who sees which lead.
 */
@PortalTest
class LeadTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Http http() {
        return new Http(port);
    }

    @Test
    void aSelfRegisteredCompanyBecomesALeadOnceAndConvertsIntoItsOwnCompanyWithTheRegistrantAsContact() {
        String email = "lead-" + UUID.randomUUID() + "@example.com";
        String company = "ООО «Лид " + UUID.randomUUID().toString().substring(0, 6) + "»";
        String[] requisites = freshRequisites();
        WebSession visitor = new WebSession(port);
        String token = WebSession.csrfToken(visitor.get("/register?lang=ru").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", "Иван Лидов");
        form.put("email", email);
        form.put("phone", "+7 900 111-22-33");
        form.put("password", "correct horse battery");
        form.put("passwordConfirmation", "correct horse battery");
        form.put("companyName", company);
        form.put("entity.name", company);
        form.put("entity.legalForm", "ORGANISATION");
        form.put("entity.inn", requisites[0]);
        form.put("entity.kpp", "770401001");
        form.put("entity.ogrn", requisites[1]);
        form.put("entity.legalAddress", "г. Москва, ул. Тверская, д. 1");
        form.put("entity.vatPayer", "true");
        HttpResponse<String> sent = visitor.post("/register", form.entrySet().stream()
                .map(e -> e.getKey() + "=" + enc(e.getValue())).collect(Collectors.joining("&")) + "&_csrf=" + token, null);
        assertThat(sent.statusCode()).isEqualTo(200);
        long companyId = jdbc.sql("select id from customers.company where name = :n").param("n", company)
                .query(Long.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from crm.lead where registration_company_id = :c").param("c", companyId)
                .query(Long.class).single() == 1);
        Map<String, Object> lead = jdbc.sql("select * from crm.lead where registration_company_id = :c")
                .param("c", companyId).query().singleRow();
        assertThat(lead).containsEntry("source", "REGISTRATION").containsEntry("status", "NEW")
                .containsEntry("company_name", company).containsEntry("inn", requisites[0])
                .containsEntry("email", email).containsEntry("contact_name", "Иван Лидов");
        long leadId = (Long) lead.get("id");

        // a redelivered event creates nothing new
        jdbc.sql("select 1").query().listOfRows();
        assertThat(jdbc.sql("select count(*) from crm.lead where registration_company_id = :c").param("c", companyId)
                .query(Long.class).single()).isEqualTo(1);

        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        assertThat(manager.get("/admin/crm/leads?lang=en").body()).contains(company);
        String page = manager.get("/admin/crm/leads/" + leadId + "?lang=en").body();
        String csrf = WebSession.csrfToken(page);
        manager.post("/admin/crm/leads/" + leadId + "/qualify", "_csrf=" + csrf, null);
        HttpResponse<String> converted = manager.post("/admin/crm/leads/" + leadId + "/convert",
                "_csrf=" + csrf + "&pipelineId=" + pipeline("new-clients") + "&dealTitle=" + enc("Первая поставка")
                        + "&dealAmount=50000", null);
        assertThat(converted.statusCode()).isEqualTo(302);
        assertThat(manager.get("/admin/crm/leads/" + leadId + "?lang=en").body()).contains("converted")
                .contains("data-testid=\"lead-customer\"");
        assertThat(jdbc.sql("select company_id from crm.lead where id = :id").param("id", leadId).query(Long.class)
                .single()).isEqualTo(companyId);
        assertThat(jdbc.sql("select count(*) from customers.company where name = :n").param("n", company)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select c.full_name from crm.contact c join platform.user_account u on u.id = c.user_id
                 where c.company_id = :c and u.email = :e""").param("c", companyId).param("e", email)
                .query(String.class).single()).isEqualTo("Иван Лидов");
        assertThat(jdbc.sql("select title from crm.deal where company_id = :c and lead_id = :l")
                .param("c", companyId).param("l", leadId).query(String.class).single()).isEqualTo("Первая поставка");
        assertThat(jdbc.sql("select count(*) from crm.timeline_entry where company_id = :c and event = 'crm.timeline.lead.converted'")
                .param("c", companyId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void thePublicFormMakesAWebLeadDropsBotsAndRefusesBadInput() {
        WebSession visitor = new WebSession(port);
        String form = visitor.get("/request-a-call?lang=en").body();
        assertThat(form).contains("Request a call").contains("name=\"website\"");
        assertThat(new WebSession(port).get("/login?lang=en").body()).contains("/request-a-call");
        String token = WebSession.csrfToken(form);
        String name = "Пётр Веб " + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> sent = visitor.post("/request-a-call", "_csrf=" + token + "&name=" + enc(name)
                + "&company=" + enc("ООО «Сайт»") + "&phone=" + enc("+7 916 123-45-67") + "&message=" + enc("Перезвоните"), null);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).contains("/request-a-call?sent");
        assertThat(visitor.get("/request-a-call?sent&lang=en").body()).contains("data-testid=\"request-thanks\"");
        assertThat(jdbc.sql("select source || ' ' || status || ' ' || coalesce(owner_id::text, 'none') from crm.lead where contact_name = :n")
                .param("n", name).query(String.class).single()).isEqualTo("WEB_FORM NEW none");

        String bot = "Бот " + UUID.randomUUID();
        HttpResponse<String> botSent = visitor.post("/request-a-call", "_csrf=" + token + "&name=" + enc(bot)
                + "&phone=" + enc("+7 916 123-45-67") + "&website=" + enc("http://spam.example"), null);
        assertThat(botSent.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from crm.lead where contact_name = :n").param("n", bot)
                .query(Long.class).single()).isZero();

        String silent = "Молчун " + UUID.randomUUID();
        HttpResponse<String> noReach = visitor.post("/request-a-call?lang=en", "_csrf=" + token + "&name=" + enc(silent), null);
        assertThat(noReach.statusCode()).isEqualTo(200);
        assertThat(noReach.body()).contains("a phone or an e-mail, at least one");
        HttpResponse<String> badMail = visitor.post("/request-a-call?lang=en", "_csrf=" + token + "&name=" + enc(silent)
                + "&email=not-a-mail", null);
        assertThat(badMail.body()).contains("The e-mail address is not valid");
        HttpResponse<String> tooLong = visitor.post("/request-a-call?lang=en", "_csrf=" + token + "&name=" + enc(silent)
                + "&email=a%40b.ru&message=" + "x".repeat(2001), null);
        assertThat(tooLong.body()).contains("too long");
        assertThat(jdbc.sql("select count(*) from crm.lead where contact_name = :n").param("n", silent)
                .query(Long.class).single()).isZero();

        HttpResponse<String> noCsrf = new WebSession(port).post("/request-a-call", "name=x&phone=123456", null);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void aCsvImportInWindows1251TakesTheGoodRowsAndReportsEachBadOne() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "Компания;ИНН;Контакт;Телефон;Почта;Комментарий\r\n"
                + "ООО «Импорт А " + tag + "»;7707083893;Анна;+7 495 000-00-01;;выставка\r\n"
                + "ООО «Импорт Б " + tag + "»;1234567890;Борис;+7 495 000-00-02;;неверный ИНН\r\n"
                + ";;;;;пустая строка без имени\r\n"
                + "ООО «Импорт Г " + tag + "»;;Галина;;galina@example.ru;\r\n"
                + "ООО «Импорт Д " + tag + "»;;Денис;;not-a-mail;\r\n";
        WebSession manager = new WebSession(port).login("manager@demo.local", "demo");
        String token = WebSession.csrfToken(manager.get("/admin/crm/leads/import?lang=en").body());
        HttpResponse<String> report = manager.post("/admin/crm/leads/import?_csrf=" + token + "&lang=en",
                new Multipart().file("file", "leads.csv", "text/csv", csv.getBytes(Charset.forName("windows-1251"))));

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("2 leads imported, 3 rows refused").contains("The INN is not valid")
                .contains("Give a name or a company").contains("The e-mail address is not valid");
        assertThat(jdbc.sql("select company_name from crm.lead where company_name like :p and source = 'CSV_IMPORT' order by company_name")
                .param("p", "%" + tag + "%").query(String.class).list())
                .containsExactly("ООО «Импорт А " + tag + "»", "ООО «Импорт Г " + tag + "»");
        assertThat(jdbc.sql("select count(*) from crm.lead where company_name like :p and owner_id = (select id from platform.user_account where email = 'manager@demo.local')")
                .param("p", "%" + tag + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCsvImportOverTheApiInUtf8WithCommas() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "company,contact,email\nApi Co " + tag + ",Ann,ann@example.com\n,,\nApi Bad " + tag + ",Bob,bad\n";
        Multipart body = new Multipart().file("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http().send(http().request("/api/v1/admin/crm/leads/import")
                .header("Authorization", Http.basic("head@demo.local", "demo"))
                .header("Content-Type", body.contentType()).header("Accept-Language", "en").POST(body.publisher()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"imported\":1").contains("\"row\":4").contains("not valid");
    }

    @Test
    void disqualifyingNeedsAReasonAndQualifyingOnlyANewLead() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = http().postJson("/api/v1/admin/crm/leads", Http.basic("manager2@demo.local", "demo"),
                "{\"companyName\":\"ООО «Отказ " + tag + "»\",\"phone\":\"+7 900 000-00-00\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String auth = Http.basic("manager2@demo.local", "demo");

        HttpResponse<String> noReason = http().postJson("/api/v1/admin/crm/leads/" + id + "/disqualify", auth, "{}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason-required");
        HttpResponse<String> convertEarly = http().postJson("/api/v1/admin/crm/leads/" + id + "/convert", auth, "{}");
        assertThat(convertEarly.statusCode()).isEqualTo(409);

        HttpResponse<String> done = http().postJson("/api/v1/admin/crm/leads/" + id + "/disqualify", auth,
                "{\"reason\":\"Розница\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"status\":\"DISQUALIFIED\"").contains("Розница");
        assertThat(http().postJson("/api/v1/admin/crm/leads/" + id + "/qualify", auth, "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void aManualLeadConvertsIntoANewCompanyThroughTheCustomersModule() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String auth = Http.basic("manager@demo.local", "demo");
        HttpResponse<String> bad = http().postJson("/api/v1/admin/crm/leads", auth,
                "{\"companyName\":\"x\",\"inn\":\"1234567890\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        HttpResponse<String> created = http().postJson("/api/v1/admin/crm/leads", auth,
                "{\"companyName\":\"ООО «Новый " + tag + "»\",\"inn\":\"7707083893\",\"contactName\":\"Вера\",\"email\":\"vera@example.ru\"}");
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        HttpResponse<String> leadDeal = http().postJson("/api/v1/admin/crm/deals", auth,
                "{\"title\":\"Сделка по лиду " + tag + "\",\"pipelineId\":" + pipeline("new-clients") + ",\"leadId\":" + id + "}");
        assertThat(leadDeal.statusCode()).as(leadDeal.body()).isEqualTo(201);
        assertThat(leadDeal.body()).contains("\"companyId\":null").contains("\"leadName\":\"ООО «Новый " + tag + "»\"");
        http().postJson("/api/v1/admin/crm/leads/" + id + "/qualify", auth, "{}");
        HttpResponse<String> converted = http().postJson("/api/v1/admin/crm/leads/" + id + "/convert", auth, "{}");
        assertThat(converted.statusCode()).isEqualTo(200);
        long companyId = Long.parseLong(converted.body().replaceAll("(?s).*?\"companyId\":(\\d+).*", "$1"));
        assertThat(jdbc.sql("select name || ' / ' || (select email from platform.user_account where id = account_manager_id) from customers.company where id = :id")
                .param("id", companyId).query(String.class).single()).isEqualTo("ООО «Новый " + tag + "» / manager@demo.local");
        assertThat(jdbc.sql("select full_name || ' ' || email from crm.contact where company_id = :c").param("c", companyId)
                .query(String.class).single()).isEqualTo("Вера vera@example.ru");
        assertThat(jdbc.sql("select company_id from crm.deal where lead_id = :l").param("l", id).query(Long.class)
                .single()).isEqualTo(companyId);
    }

    @Test
    void anAccountManagerSeesTheirOwnAndUnassignedLeadsButNotAnotherManagersAndCustomersNone() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = http().postJson("/api/v1/admin/crm/leads", Http.basic("manager2@demo.local", "demo"),
                "{\"companyName\":\"ООО «Чужой " + tag + "»\",\"phone\":\"+7 900 000-00-00\"}");
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String manager = Http.basic("manager@demo.local", "demo");
        assertThat(http().get("/api/v1/admin/crm/leads/" + id, manager).statusCode()).isEqualTo(404);
        assertThat(http().postJson("/api/v1/admin/crm/leads/" + id + "/qualify", manager, "{}").statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/admin/crm/leads", manager).body()).doesNotContain("Чужой " + tag)
                .contains("ООО «Дельта Монтаж»");
        WebSession managerWeb = new WebSession(port).login("manager@demo.local", "demo");
        assertThat(managerWeb.get("/admin/crm/leads/" + id).statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/admin/crm/leads/" + id, Http.basic("head@demo.local", "demo")).statusCode()).isEqualTo(200);

        String customer = Http.basic("admin@alpha.demo", "demo");
        assertThat(http().get("/api/v1/admin/crm/leads", customer).statusCode()).isEqualTo(403);
        assertThat(http().get("/api/v1/admin/crm/leads/" + id, customer).statusCode()).isEqualTo(403);
        assertThat(http().postJson("/api/v1/admin/crm/leads", customer, "{}").statusCode()).isEqualTo(403);
        WebSession buyer = new WebSession(port).login("buyer@alpha.demo", "demo");
        for (String path : new String[] {"/admin/crm/leads", "/admin/crm/leads/" + id, "/admin/crm/leads/import",
                "/admin/crm/leads/new"}) {
            HttpResponse<String> page = buyer.get(path);
            assertThat(page.statusCode()).as(path).isIn(302, 403, 404);
            assertThat(page.body()).as(path).doesNotContain("Чужой " + tag);
        }
    }

    private long pipeline(String code) {
        return jdbc.sql("select id from crm.pipeline where code = :c").param("c", code).query(Long.class).single();
    }

    static String[] freshRequisites() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        String nine = String.format("77%07d", random.nextInt(10_000_000));
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        String inn = nine + (sum % 11 % 10);
        String twelve = String.format("1027700%05d", random.nextInt(100_000));
        String ogrn = twelve + (Long.parseLong(twelve) % 11 % 10);
        return new String[] {inn, ogrn};
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
