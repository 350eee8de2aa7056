package io.b2bportal.crm;

import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Role;
import io.b2bportal.support.Http;
import io.b2bportal.support.Multipart;
import io.b2bportal.support.WebSession;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers of the CRM tests' own (no demo customer's credit or orders are touched): a company with one approved
 * legal entity on a 30-day deferral, the agreement accepted, its administrator who also buys, and an account
 * manager of the test's choice; products of its own; orders through the real checkout; the API as staff call it.
 */
final class TasksFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "demo";
    static final String MANAGER = Http.basic("manager@demo.local", PASSWORD);
    static final String MANAGER2 = Http.basic("manager2@demo.local", PASSWORD);
    static final String HEAD = Http.basic("head@demo.local", PASSWORD);
    static final String ADMIN = Http.basic("admin@demo.local", PASSWORD);
    static final String BUYER = Http.basic("buyer@alpha.demo", PASSWORD);

    private final JdbcClient jdbc;
    private final PlatformApi platform;
    private final OrderingApi ordering;
    private final Http http;

    TasksFixture(JdbcClient jdbc, PlatformApi platform, OrderingApi ordering, Http http) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.ordering = ordering;
        this.http = http;
    }

    record Customer(long companyId, long entityId, long adminId, String adminEmail, String name) {
    }

    /** A fresh customer managed by {@code managerEmail} (null: none). */
    Customer customer(String managerEmail) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Long manager = managerEmail == null ? null : user(managerEmail);
        String name = "Тест CRM " + tag;
        io.b2bportal.support.TestCustomers.Created created = io.b2bportal.support.TestCustomers.create(jdbc, name,
                manager, "CRM-" + tag);
        long company = created.companyId();
        long entity = created.legalEntityId();
        String adminEmail = "admin-" + tag + "@crm.test";
        long admin = platform.createAccount(adminEmail, "Админ " + tag, Role.Side.CUSTOMER,
                Set.of(Role.CUSTOMER_ADMIN, Role.BUYER), PASSWORD, false);
        jdbc.sql("""
                        insert into customers.membership (user_id, company_id, default_legal_entity_id)
                        values (:user, :company, :entity)""")
                .param("user", admin).param("company", company).param("entity", entity).update();
        jdbc.sql("insert into customers.member_entity (user_id, legal_entity_id) values (:user, :entity)")
                .param("user", admin).param("entity", entity).update();
        String authorization = Http.basic(adminEmail, PASSWORD);
        HttpResponse<String> agreement = http.get("/api/v1/agreement", authorization);
        assertThat(agreement.statusCode()).as(agreement.body()).isEqualTo(200);
        String sha = JSON.readTree(agreement.body()).get("pdfSha256").asString();
        HttpResponse<String> accepted = http.postJson("/api/v1/agreement/accept", authorization,
                "{\"pdfSha256\": \"" + sha + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return new Customer(company, entity, admin, adminEmail, name);
    }

    long user(String email) {
        return jdbc.sql("select id from platform.user_account where email = :email").param("email", email)
                .query(Long.class).single();
    }

    /** A product of the test's own in the base list at this price (with VAT), plenty in stock. */
    String product(String price) {
        return io.b2bportal.support.TestProducts.create(jdbc, "TSK", "Товар", "Product", price, 100000, false);
    }

    /** An order of the customer's administrator through the real checkout. */
    long order(Customer customer, String sku, int quantity) {
        return ordering.place(customer.adminId(), customer.entityId(), Map.of(sku, BigDecimal.valueOf(quantity)),
                "CRM-" + UUID.randomUUID().toString().substring(0, 6));
    }

    /** An order confirmed and shipped in full by operations. */
    long shipped(Customer customer, String sku, int quantity, OrderLifecycle lifecycle) {
        long order = order(customer, sku, quantity);
        long ops = user("ops@demo.local");
        lifecycle.confirm(order, ops);
        lifecycle.startFulfilment(order, ops);
        lifecycle.ship(order, ops, Map.of(1, BigDecimal.valueOf(quantity)));
        return order;
    }

    /** Opens a shortage claim on line 1 of a shipped order as the customer's administrator; returns its id. */
    long openClaim(Customer customer, long orderId) {
        Multipart body = new Multipart().field("orderId", String.valueOf(orderId)).field("type", "SHORTAGE")
                .field("remedy", "REPLACEMENT").field("description", "Не хватает упаковки")
                .field("lineNo", "1").field("quantity", "1").file("photos", "photo.png", "image/png", png());
        HttpResponse<String> response = http.send(http.request("/api/v1/claims").POST(body.publisher())
                .header("Content-Type", body.contentType())
                .header("Authorization", Http.basic(customer.adminEmail(), PASSWORD))
                .header("Accept-Language", "en"));
        return json(response, 201).get("claim").get("id").asLong();
    }

    /** Registers a new company through the public form; returns its company id. */
    long register(int port) {
        String[] requisites = freshRequisites();
        String email = "reg-" + UUID.randomUUID() + "@crm.test";
        WebSession visitor = new WebSession(port);
        String token = WebSession.csrfToken(visitor.get("/register?lang=ru").body());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("displayName", "Новый Клиент");
        form.put("email", email);
        form.put("phone", "+7 900 000-00-00");
        form.put("password", "correct horse battery");
        form.put("passwordConfirmation", "correct horse battery");
        form.put("companyName", "ООО «Регистрация " + requisites[0] + "»");
        form.put("entity.name", "ООО «Регистрация " + requisites[0] + "»");
        form.put("entity.legalForm", "ORGANISATION");
        form.put("entity.inn", requisites[0]);
        form.put("entity.kpp", "770401001");
        form.put("entity.ogrn", requisites[1]);
        form.put("entity.legalAddress", "г. Москва, ул. Тверская, д. 1");
        form.put("entity.vatPayer", "true");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&")) + "&_csrf=" + token;
        HttpResponse<String> sent = visitor.post("/register", body, null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return jdbc.sql("select company_id from customers.legal_entity where inn = :inn").param("inn", requisites[0])
                .query(Long.class).single();
    }

    static String[] freshRequisites() {
        var random = ThreadLocalRandom.current();
        String nine = String.format("78%07d", random.nextInt(10_000_000));
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        String inn = nine + (sum % 11 % 10);
        String twelve = String.format("1027800%05d", random.nextInt(100_000));
        String ogrn = twelve + (Long.parseLong(twelve) % 11 % 10);
        return new String[] {inn, ogrn};
    }

    /** The open tasks a rule made for a company. */
    List<Map<String, Object>> ruleTasks(long ruleId, long companyId) {
        return jdbc.sql("""
                select a.id, a.subject, a.assignee_id, a.type, a.dedupe_key from crm.activity a
                 where a.rule_id = :rule and a.company_id = :company order by a.id""")
                .param("rule", ruleId).param("company", companyId).query().listOfRows();
    }

    long builtIn(String code) {
        return jdbc.sql("select id from crm.rule where code = :code").param("code", code).query(Long.class).single();
    }

    List<String> outcomes(long ruleId, String eventKeyPrefix) {
        return jdbc.sql("""
                select outcome from crm.rule_execution where rule_id = :rule and event_key like :prefix order by id""")
                .param("rule", ruleId).param("prefix", eventKeyPrefix + "%").query(String.class).list();
    }

    HttpResponse<String> get(String path, String authorization) {
        return http.send(http.request(path).GET().header("Authorization", authorization)
                .header("Accept-Language", "en"));
    }

    HttpResponse<String> send(String method, String path, String authorization, String json) {
        return http.send(http.request(path)
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .header("Accept-Language", "en"));
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, (int) (System.nanoTime() % 30), new Color((int) (System.nanoTime() & 0xFFFFFF)).getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
