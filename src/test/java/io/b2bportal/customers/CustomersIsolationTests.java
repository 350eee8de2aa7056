package io.b2bportal.customers;

import io.b2bportal.customers.document.DocumentType;
import io.b2bportal.customers.document.FoundingDocuments;
import io.b2bportal.customers.document.FoundingDocuments.NewFoundingDocument;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.security.ApiKeys;
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

import static io.b2bportal.customers.CustomersIsolationTests.Persona.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API endpoint of the customers module, tried by every kind of caller: anonymous, users of
 * the target company and of another company, each seller role. Those not allowed get 401/403/404 (or the
 * login page) and never see the target company's data; those allowed get through. A new endpoint that is
 * not in the table fails the build.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersIsolationTests {

    enum Persona {
        ANONYMOUS(null), ALPHA_ADMIN("admin@alpha.demo"), ALPHA_BUYER("buyer@alpha.demo"),
        BETA_BUYER("buyer@beta.demo"), MANAGER("manager@demo.local"), MANAGER2("manager2@demo.local"),
        OPS("ops@demo.local"), CATALOG("catalog@demo.local"), ADMIN("admin@demo.local");

        final String email;

        Persona(String email) {
            this.email = email;
        }
    }

    /** Who may see the target company (Alpha) at all: its own users and the staff who see it. */
    private static final Set<Persona> ALPHA_INSIDERS = EnumSet.of(ALPHA_ADMIN, ALPHA_BUYER, MANAGER, OPS, ADMIN);
    private static final Set<Persona> CUSTOMERS = EnumSet.of(ALPHA_ADMIN, ALPHA_BUYER, BETA_BUYER);
    private static final Set<Persona> ALPHA_USERS = EnumSet.of(ALPHA_ADMIN, ALPHA_BUYER);
    private static final Set<Persona> STAFF = EnumSet.of(MANAGER, MANAGER2, OPS, CATALOG, ADMIN);
    private static final Set<Persona> ALPHA_STAFF = EnumSet.of(MANAGER, OPS, ADMIN);
    private static final Set<Persona> ALPHA_MANAGERS = EnumSet.of(MANAGER, ADMIN);
    private static final String ALPHA_INN = "7704123450";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<Persona, WebSession> sessions = new EnumMap<>(Persona.class);
    private final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    private long alpha;
    private long alphaStroy;
    private long alphaAddress;
    private long alphaExtraMember;
    /** A credit note and an invoice of the legal entity Alpha's users act for by default (no X-Legal-Entity). */
    private long alphaDocument;
    private long alphaInvoice;
    private Long alphaGroup;
    private Long alphaManager;

    /** {@code multipart}, when given, is the body (a form with a file); a page form then has its token in the path. */
    record Endpoint(String method, String pattern, Supplier<String> path, String body, Set<Persona> allowed,
            Supplier<Multipart> multipart) {

        Endpoint(String method, String pattern, Supplier<String> path, String body, Set<Persona> allowed) {
            this(method, pattern, path, body, allowed, null);
        }
    }

    @BeforeAll
    void setUp() {
        alpha = jdbc.sql("select id from customers.company where name = 'Группа «Альфа»'").query(Long.class).single();
        alphaStroy = jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", ALPHA_INN)
                .query(Long.class).single();
        alphaAddress = jdbc.sql("select min(id) from customers.address where legal_entity_id = :e")
                .param("e", alphaStroy).query(Long.class).single();
        alphaGroup = jdbc.sql("select group_id from customers.company where id = :id").param("id", alpha)
                .query(Long.class).single();
        alphaManager = jdbc.sql("select account_manager_id from customers.company where id = :id").param("id", alpha)
                .query(Long.class).single();
        alphaExtraMember = jdbc.sql("""
                        insert into platform.user_account (email, display_name, side, roles, password_hash)
                        values (:email, 'Extra', 'CUSTOMER', '{BUYER}', null) returning id""")
                .param("email", "extra-" + UUID.randomUUID() + "@alpha.test").query(Long.class).single();
        jdbc.sql("insert into customers.membership (user_id, company_id) values (:u, :c)")
                .param("u", alphaExtraMember).param("c", alpha).update();
        alphaDocuments();
        for (Persona persona : Persona.values()) {
            if (persona.email != null) {
                sessions.put(persona, new WebSession(port).login(persona.email, "demo"));
                long userId = jdbc.sql("select id from platform.user_account where email = :e")
                        .param("e", persona.email).query(Long.class).single();
                tokens.put(persona, apiKeys.issue(userId, "isolation test").token());
            } else {
                sessions.put(persona, new WebSession(port));
            }
        }
    }

    private List<Endpoint> endpoints() {
        String contract = """
                {"number":"П-2026/014","startsOn":"2026-01-15","endsOn":"2027-01-14","priceType":"wholesale",
                 "paymentTerms":"DEFERRAL","deferralDays":30,"creditLimit":1500000,"minOrderAmount":10000,
                 "assortment":"","deliveryTerms":"DELIVERY","status":"ACTIVE"}""";
        String contractForm = "number=П-2026/014&startsOn=2026-01-15&endsOn=2027-01-14&priceType=wholesale"
                + "&paymentTerms=DEFERRAL&deferralDays=30&creditLimit=1500000&minOrderAmount=10000&assortment="
                + "&deliveryTerms=DELIVERY&status=ACTIVE";
        String address = "{\"label\":\"Isolation\",\"address\":\"Somewhere 1\",\"contactName\":\"\",\"contactPhone\":\"\"}";
        String assignment = "{\"groupId\":" + alphaGroup + ",\"accountManagerId\":" + alphaManager + "}";
        List<Endpoint> list = new ArrayList<>();
        // Buyer pages
        list.add(page("GET", "/company", () -> "/company", null, CUSTOMERS));
        list.add(page("GET", "/company/entities/{id}", () -> "/company/entities/" + alphaStroy, null, ALPHA_USERS));
        list.add(page("GET", "/company/entities/new", () -> "/company/entities/new", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/company/entities/new", () -> "/company/entities/new", newEntityForm(),
                EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/legal-entity", () -> "/legal-entity", "legalEntityId=" + alphaStroy, ALPHA_USERS));
        list.add(page("GET", "/company/addresses", () -> "/company/addresses", null, CUSTOMERS));
        list.add(page("POST", "/company/addresses", () -> "/company/addresses",
                "label=Isolation&address=Somewhere+1", CUSTOMERS));
        list.add(page("POST", "/company/addresses/{id}/default", () -> "/company/addresses/" + alphaAddress + "/default",
                null, ALPHA_USERS));
        list.add(page("POST", "/company/addresses/{id}/archive", () -> "/company/addresses/" + freshAlphaAddress()
                + "/archive", null, ALPHA_USERS));
        // Public registration (a form with errors: reachable by everyone, creates nothing)
        list.add(page("GET", "/register", () -> "/register", null, EnumSet.allOf(Persona.class)));
        list.add(page("POST", "/register", () -> "/register", "displayName=x", EnumSet.allOf(Persona.class)));
        list.add(page("GET", "/register/confirm", () -> "/register/confirm?token=nope", null,
                EnumSet.allOf(Persona.class)));
        list.add(page("GET", "/invitation", () -> "/invitation?token=nope", null, EnumSet.allOf(Persona.class)));
        list.add(page("POST", "/invitation", () -> "/invitation", "token=nope", EnumSet.allOf(Persona.class)));
        // Company users (company administrators)
        list.add(page("GET", "/company/users", () -> "/company/users", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/company/users/invite", () -> "/company/users/invite",
                "email=inv-" + UUID.randomUUID() + "%40example.com&displayName=Invited&roles=BUYER&legalEntityIds="
                        + alphaStroy, EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/company/users/{userId}", () -> "/company/users/" + alphaExtraMember,
                "roles=BUYER&legalEntityIds=" + alphaStroy, EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/company/users/{userId}/deactivate",
                () -> "/company/users/" + alphaExtraMember + "/deactivate", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/company/users/{userId}/activate",
                () -> "/company/users/" + alphaExtraMember + "/activate", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(page("GET", "/company/approval-limits", () -> "/company/approval-limits", null,
                EnumSet.of(ALPHA_ADMIN)));
        list.add(page("POST", "/company/approval-limits/{userId}", () -> "/company/approval-limits/" + alphaExtraMember,
                "perOrder=100000&perMonth=", EnumSet.of(ALPHA_ADMIN)));
        // Back-office pages
        list.add(page("GET", "/admin/customers", () -> "/admin/customers", null, STAFF));
        list.add(page("GET", "/admin/customers/{id}", () -> "/admin/customers/" + alpha, null, ALPHA_STAFF));
        list.add(page("POST", "/admin/customers/{id}/assignment", () -> "/admin/customers/" + alpha + "/assignment",
                "groupId=" + alphaGroup + "&accountManagerId=" + alphaManager, EnumSet.of(ADMIN)));
        list.add(page("GET", "/admin/customers/registrations", () -> "/admin/customers/registrations", null, STAFF));
        list.add(page("POST", "/admin/customers/legal-entities/{id}/approve",
                () -> "/admin/customers/legal-entities/" + alphaStroy + "/approve", null, ALPHA_MANAGERS));
        list.add(page("POST", "/admin/customers/legal-entities/{id}/reject",
                () -> "/admin/customers/legal-entities/" + alphaStroy + "/reject", "reason=no", ALPHA_MANAGERS));
        list.add(page("GET", "/admin/customers/legal-entities/{id}/contract",
                () -> "/admin/customers/legal-entities/" + alphaStroy + "/contract", null, ALPHA_MANAGERS));
        list.add(page("POST", "/admin/customers/legal-entities/{id}/contract",
                () -> "/admin/customers/legal-entities/" + alphaStroy + "/contract", contractForm, ALPHA_MANAGERS));
        list.add(page("GET", "/admin/customer-groups", () -> "/admin/customer-groups", null, STAFF));
        list.add(page("POST", "/admin/customer-groups", () -> "/admin/customer-groups",
                "code=iso-" + UUID.randomUUID().toString().substring(0, 8) + "&name=Isolation", EnumSet.of(ADMIN)));
        list.add(page("POST", "/admin/customers/{id}/view-as", () -> "/admin/customers/" + alpha + "/view-as", null,
                ALPHA_STAFF));
        list.add(page("POST", "/view-as/stop", () -> "/view-as/stop", null,
                EnumSet.complementOf(EnumSet.of(ANONYMOUS))));
        // Buyer API
        list.add(api("GET", "/api/v1/legal-entities", () -> "/api/v1/legal-entities", null, CUSTOMERS));
        list.add(api("GET", "/api/v1/legal-entities/{id}", () -> "/api/v1/legal-entities/" + alphaStroy, null,
                ALPHA_USERS));
        list.add(api("POST", "/api/v1/legal-entities", () -> "/api/v1/legal-entities", newEntityJson(),
                EnumSet.of(ALPHA_ADMIN)));
        list.add(api("GET", "/api/v1/addresses", () -> "/api/v1/addresses", null, CUSTOMERS));
        list.add(api("POST", "/api/v1/addresses", () -> "/api/v1/addresses", address, CUSTOMERS));
        list.add(api("PUT", "/api/v1/addresses/{id}", () -> "/api/v1/addresses/" + freshAlphaAddress(), address,
                ALPHA_USERS));
        list.add(api("POST", "/api/v1/addresses/{id}/default", () -> "/api/v1/addresses/" + alphaAddress + "/default",
                null, ALPHA_USERS));
        list.add(api("DELETE", "/api/v1/addresses/{id}", () -> "/api/v1/addresses/" + freshAlphaAddress(), null,
                ALPHA_USERS));
        list.add(api("GET", "/api/v1/company/users", () -> "/api/v1/company/users", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(api("PUT", "/api/v1/company/users/{userId}", () -> "/api/v1/company/users/" + alphaExtraMember,
                "{\"roles\":[\"BUYER\"],\"legalEntityIds\":[" + alphaStroy + "]}", EnumSet.of(ALPHA_ADMIN)));
        list.add(api("POST", "/api/v1/company/users", () -> "/api/v1/company/users",
                "{\"email\":\"inv-" + UUID.randomUUID() + "@example.com\",\"displayName\":\"Invited\","
                        + "\"roles\":[\"BUYER\"],\"legalEntityIds\":[" + alphaStroy + "]}", EnumSet.of(ALPHA_ADMIN)));
        list.add(api("POST", "/api/v1/company/users/{userId}/deactivate",
                () -> "/api/v1/company/users/" + alphaExtraMember + "/deactivate", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(api("POST", "/api/v1/company/users/{userId}/activate",
                () -> "/api/v1/company/users/" + alphaExtraMember + "/activate", null, EnumSet.of(ALPHA_ADMIN)));
        list.add(api("GET", "/api/v1/company/approval-limits", () -> "/api/v1/company/approval-limits", null,
                EnumSet.of(ALPHA_ADMIN)));
        list.add(api("PUT", "/api/v1/company/approval-limits/{userId}",
                () -> "/api/v1/company/approval-limits/" + alphaExtraMember, "{\"perOrder\":100000,\"perMonth\":null}",
                EnumSet.of(ALPHA_ADMIN)));
        // Seller API
        list.add(api("GET", "/api/v1/admin/customers", () -> "/api/v1/admin/customers", null, STAFF));
        list.add(api("GET", "/api/v1/admin/customers/{id}", () -> "/api/v1/admin/customers/" + alpha, null, ALPHA_STAFF));
        list.add(api("PUT", "/api/v1/admin/customers/{id}/assignment",
                () -> "/api/v1/admin/customers/" + alpha + "/assignment", assignment, EnumSet.of(ADMIN)));
        list.add(api("GET", "/api/v1/admin/customers/registrations", () -> "/api/v1/admin/customers/registrations",
                null, STAFF));
        list.add(api("POST", "/api/v1/admin/customers/legal-entities/{id}/approve",
                () -> "/api/v1/admin/customers/legal-entities/" + alphaStroy + "/approve", null, ALPHA_MANAGERS));
        list.add(api("POST", "/api/v1/admin/customers/legal-entities/{id}/reject",
                () -> "/api/v1/admin/customers/legal-entities/" + alphaStroy + "/reject", "{\"reason\":\"no\"}",
                ALPHA_MANAGERS));
        list.add(api("GET", "/api/v1/admin/customers/legal-entities/{id}/contract",
                () -> "/api/v1/admin/customers/legal-entities/" + alphaStroy + "/contract", null, ALPHA_STAFF));
        list.add(api("PUT", "/api/v1/admin/customers/legal-entities/{id}/contract",
                () -> "/api/v1/admin/customers/legal-entities/" + alphaStroy + "/contract", contract, ALPHA_MANAGERS));
        list.add(api("GET", "/api/v1/admin/customer-groups", () -> "/api/v1/admin/customer-groups", null, STAFF));
        list.add(api("POST", "/api/v1/admin/customer-groups", () -> "/api/v1/admin/customer-groups",
                "{\"code\":\"iso-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Isolation\"}",
                EnumSet.of(ADMIN)));
        // Founding documents
        Set<Persona> uploaders = EnumSet.of(ALPHA_ADMIN);
        list.add(page("GET", "/company/entities/{id}/documents", () -> "/company/entities/" + alphaStroy + "/documents",
                null, ALPHA_USERS));
        list.add(new Endpoint("POST", "/company/entities/{id}/documents",
                () -> "/company/entities/" + alphaStroy + "/documents", null, uploaders, this::documentUpload));
        list.add(page("GET", "/company/documents/{docId}/file", () -> "/company/documents/" + freshAlphaDocument()
                + "/file", null, ALPHA_USERS));
        list.add(page("GET", "/admin/customers/legal-entities/{id}/documents",
                () -> "/admin/customers/legal-entities/" + alphaStroy + "/documents", null, ALPHA_STAFF));
        list.add(page("GET", "/admin/customers/founding-documents/{id}/file",
                () -> "/admin/customers/founding-documents/" + freshAlphaDocument() + "/file", null, ALPHA_STAFF));
        list.add(page("POST", "/admin/customers/founding-documents/{id}/accept",
                () -> "/admin/customers/founding-documents/" + freshAlphaDocument() + "/accept", null, ALPHA_MANAGERS));
        list.add(page("POST", "/admin/customers/founding-documents/{id}/reject",
                () -> "/admin/customers/founding-documents/" + freshAlphaDocument() + "/reject", "comment=no",
                ALPHA_MANAGERS));
        list.add(api("GET", "/api/v1/documents/founding",
                () -> "/api/v1/documents/founding?legalEntityId=" + alphaStroy, null, ALPHA_USERS));
        list.add(new Endpoint("POST", "/api/v1/documents/founding",
                () -> "/api/v1/documents/founding?legalEntityId=" + alphaStroy, null, uploaders, this::documentUpload));
        list.add(api("GET", "/api/v1/documents/founding/{id}", () -> "/api/v1/documents/founding/"
                + freshAlphaDocument(), null, ALPHA_USERS));
        list.add(api("GET", "/api/v1/documents/founding/{id}/file", () -> "/api/v1/documents/founding/"
                + freshAlphaDocument() + "/file", null, ALPHA_USERS));
        list.add(api("GET", "/api/v1/admin/customers/legal-entities/{id}/documents",
                () -> "/api/v1/admin/customers/legal-entities/" + alphaStroy + "/documents", null, ALPHA_STAFF));
        list.add(api("GET", "/api/v1/admin/customers/founding-documents/{id}/file",
                () -> "/api/v1/admin/customers/founding-documents/" + freshAlphaDocument() + "/file", null,
                ALPHA_STAFF));
        list.add(api("POST", "/api/v1/admin/customers/founding-documents/{id}/accept",
                () -> "/api/v1/admin/customers/founding-documents/" + freshAlphaDocument() + "/accept", null,
                ALPHA_MANAGERS));
        list.add(api("POST", "/api/v1/admin/customers/founding-documents/{id}/reject",
                () -> "/api/v1/admin/customers/founding-documents/" + freshAlphaDocument() + "/reject",
                "{\"comment\":\"no\"}", ALPHA_MANAGERS));
        // Supply agreement
        String entityAgreement = "/customers/legal-entities/" + alphaStroy + "/agreement";
        String staleSha = "0".repeat(64);
        list.add(page("GET", "/company/entities/{id}/agreement", () -> "/company/entities/" + alphaStroy + "/agreement",
                null, ALPHA_USERS));
        list.add(page("GET", "/company/entities/{id}/agreement.pdf",
                () -> "/company/entities/" + alphaStroy + "/agreement.pdf", null, ALPHA_USERS));
        list.add(page("POST", "/company/entities/{id}/agreement/accept",
                () -> "/company/entities/" + alphaStroy + "/agreement/accept",
                "pdfSha256=" + staleSha + "&consent=true", EnumSet.of(ALPHA_ADMIN)));
        list.add(page("GET", "/admin/customers/legal-entities/{id}/agreement", () -> "/admin" + entityAgreement, null,
                ALPHA_STAFF));
        list.add(page("GET", "/admin/customers/legal-entities/{id}/agreement.pdf",
                () -> "/admin" + entityAgreement + ".pdf", null, ALPHA_STAFF));
        list.add(page("GET", "/admin/agreements", () -> "/admin/agreements", null, EnumSet.of(ADMIN)));
        list.add(page("POST", "/admin/agreements", () -> "/admin/agreements", "title=&body=", EnumSet.of(ADMIN)));
        list.add(api("GET", "/api/v1/agreement", () -> "/api/v1/agreement", null, CUSTOMERS));
        list.add(api("GET", "/api/v1/agreement/pdf", () -> "/api/v1/agreement/pdf", null, CUSTOMERS));
        list.add(api("POST", "/api/v1/agreement/accept", () -> "/api/v1/agreement/accept",
                "{\"pdfSha256\":\"" + staleSha + "\"}", EnumSet.of(ALPHA_ADMIN)));
        list.add(api("GET", "/api/v1/admin/customers/legal-entities/{id}/agreement",
                () -> "/api/v1/admin" + entityAgreement, null, ALPHA_STAFF));
        list.add(api("GET", "/api/v1/admin/customers/legal-entities/{id}/agreement/pdf",
                () -> "/api/v1/admin" + entityAgreement + "/pdf", null, ALPHA_STAFF));
        list.add(api("GET", "/api/v1/admin/agreements", () -> "/api/v1/admin/agreements", null, EnumSet.of(ADMIN)));
        list.add(api("GET", "/api/v1/admin/agreements/{version}", () -> "/api/v1/admin/agreements/1", null,
                EnumSet.of(ADMIN)));
        list.add(api("POST", "/api/v1/admin/agreements", () -> "/api/v1/admin/agreements",
                "{\"title\":\"Договор поставки\",\"body\":\"<p>{{seller.name}} и {{buyer.name}}.</p>\"}",
                EnumSet.of(ADMIN)));
        list.add(api("GET", "/api/v1/admin/agreements/verification",
                () -> "/api/v1/admin/agreements/verification", null, EnumSet.of(ADMIN)));
        // Documents (invoices, transfer documents, credit notes, reconciliation acts)
        String act = "from=" + java.time.LocalDate.now().minusMonths(1) + "&to=" + java.time.LocalDate.now();
        String actJson = "{\"from\":\"" + java.time.LocalDate.now().minusMonths(1) + "\",\"to\":\""
                + java.time.LocalDate.now() + "\"}";
        list.add(page("GET", "/documents", () -> "/documents", null, CUSTOMERS));
        list.add(page("GET", "/documents/{id}", () -> "/documents/" + alphaDocument, null, ALPHA_USERS));
        list.add(page("GET", "/documents/{id}/pdf", () -> "/documents/" + alphaDocument + "/pdf", null, ALPHA_USERS));
        list.add(page("POST", "/documents/reconciliation", () -> "/documents/reconciliation", act, CUSTOMERS));
        list.add(page("GET", "/admin/documents", () -> "/admin/documents", null, STAFF));
        list.add(page("GET", "/admin/documents/{id}", () -> "/admin/documents/" + alphaDocument, null, ALPHA_STAFF));
        list.add(page("GET", "/admin/documents/{id}/pdf", () -> "/admin/documents/" + alphaDocument + "/pdf", null,
                ALPHA_STAFF));
        list.add(page("POST", "/admin/documents/credit-notes", () -> "/admin/documents/credit-notes",
                "legalEntityId=" + alphaStroy + "&amount=1&vatRate=22&reason=isolation", EnumSet.of(ADMIN)));
        list.add(page("POST", "/admin/documents/reconciliation", () -> "/admin/documents/reconciliation",
                "legalEntityId=" + alphaStroy + "&" + act, ALPHA_STAFF));
        list.add(api("GET", "/api/v1/invoices", () -> "/api/v1/invoices", null, CUSTOMERS));
        list.add(api("GET", "/api/v1/invoices/{id}", () -> "/api/v1/invoices/" + alphaInvoice, null, ALPHA_USERS));
        list.add(api("GET", "/api/v1/documents", () -> "/api/v1/documents", null, CUSTOMERS));
        list.add(api("GET", "/api/v1/documents/{id}", () -> "/api/v1/documents/" + alphaDocument, null, ALPHA_USERS));
        list.add(api("GET", "/api/v1/documents/{id}/pdf", () -> "/api/v1/documents/" + alphaDocument + "/pdf", null,
                ALPHA_USERS));
        list.add(api("POST", "/api/v1/documents/reconciliation", () -> "/api/v1/documents/reconciliation", actJson,
                CUSTOMERS));
        list.add(api("GET", "/api/v1/admin/documents", () -> "/api/v1/admin/documents", null, STAFF));
        list.add(api("GET", "/api/v1/admin/documents/{id}", () -> "/api/v1/admin/documents/" + alphaDocument, null,
                ALPHA_STAFF));
        list.add(api("GET", "/api/v1/admin/documents/{id}/pdf",
                () -> "/api/v1/admin/documents/" + alphaDocument + "/pdf", null, ALPHA_STAFF));
        list.add(api("POST", "/api/v1/admin/documents/credit-notes", () -> "/api/v1/admin/documents/credit-notes",
                "{\"legalEntityId\":" + alphaStroy + ",\"amount\":1,\"reason\":\"isolation\"}", EnumSet.of(ADMIN)));
        list.add(api("POST", "/api/v1/admin/documents/reconciliation", () -> "/api/v1/admin/documents/reconciliation",
                "{\"legalEntityId\":" + alphaStroy + "," + actJson.substring(1), ALPHA_STAFF));
        return list;
    }

    /**
     * A credit note and an invoice of the legal entity that Alpha's users act for when a call names none (the first
     * by name), so that the buyer-side rows can reach them without an X-Legal-Entity header.
     */
    private void alphaDocuments() {
        long buyer = jdbc.sql("select id from platform.user_account where email = :e").param("e", ALPHA_BUYER.email)
                .query(Long.class).single();
        // as LegalEntityContext chooses without a header: the user's default, else the first they may act for
        long entity = jdbc.sql("""
                        select default_legal_entity_id from customers.membership
                         where user_id = :user and default_legal_entity_id is not null
                         order by created_at limit 1""").param("user", buyer).query(Long.class).optional()
                .orElseGet(() -> context.getBean(CustomersApi.class).actingEntities(buyer).getFirst().id());
        var documents = context.getBean(io.b2bportal.documents.DocumentsApi.class);
        alphaDocument = documents.issueCreditNote(io.b2bportal.documents.CreditNoteRequest.ofAmount(entity, null,
                new java.math.BigDecimal("1.00"), "22", "isolation", null)).id();
        alphaInvoice = jdbc.sql("""
                        select id from documents.document where kind = 'INVOICE' and legal_entity_id = :e
                         order by id desc limit 1""").param("e", entity).query(Long.class).optional()
                .orElseGet(() -> context.getBean(io.b2bportal.documents.issue.DocumentStore.class).insert(
                        new io.b2bportal.documents.issue.NewDocument(io.b2bportal.documents.DocumentKind.INVOICE,
                                java.time.LocalDate.now(), entity, alpha, null, null, null, null, "RUB",
                                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO,
                                null, null, null, Map.of("name", "Alpha", "inn", ALPHA_INN), Map.of(), null,
                                List.of())).id());
    }

    /** A pending founding document of Alpha Stroy with a file of its own, fresh for each call. */
    private long freshAlphaDocument() {
        byte[] pdf = ("%PDF-1.4\n% isolation " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        long uploader = jdbc.sql("select id from platform.user_account where email = :e")
                .param("e", ALPHA_ADMIN.email).query(Long.class).single();
        return context.getBean(FoundingDocuments.class).add(new NewFoundingDocument(alphaStroy, DocumentType.OTHER,
                "Isolation", "isolation.pdf", context.getBean(BlobStore.class).put(pdf, "isolation.pdf"), uploader));
    }

    private Multipart documentUpload() {
        byte[] pdf = ("%PDF-1.4\n% isolation upload " + UUID.randomUUID() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        return new Multipart().field("type", "OTHER").field("title", "Isolation")
                .file("file", "isolation.pdf", "application/pdf", pdf);
    }

    @Test
    void everyEndpointOfTheModuleIsInTheTable() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    String module = method.getBeanType().getPackageName();
                    // documents are customer-scoped too: a legal entity's invoices, acts, credit notes
                    if (module.startsWith("io.b2bportal.customers") || module.startsWith("io.b2bportal.documents")) {
                        for (String pattern : info.getPatternValues()) {
                            for (var verb : info.getMethodsCondition().getMethods()) {
                                mapped.add(verb.name() + " " + pattern);
                            }
                        }
                    }
                }));
        Set<String> tested = new TreeSet<>();
        endpoints().forEach(e -> tested.add(e.method() + " " + e.pattern()));

        assertThat(tested).as("endpoints of the customers and documents modules that the isolation table does not try")
                .containsAll(mapped);
        assertThat(mapped).as("table rows for endpoints that no longer exist").containsAll(tested);
    }

    @Test
    void onlyThoseAllowedGetThroughAndNobodyElseSeesTheTargetCompany() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Persona persona : Persona.values()) {
                HttpResponse<String> response = call(persona, endpoint);
                int status = response.statusCode();
                String location = response.headers().firstValue("Location").orElse("");
                boolean reached = (status >= 200 && status < 300) || status == 409
                        || (status == 302 && !location.contains("/login"));
                String what = endpoint.method() + " " + endpoint.pattern() + " as " + persona + ": " + status
                        + (location.isEmpty() ? "" : " -> " + location);
                if (endpoint.allowed().contains(persona) != reached) {
                    failures.add((reached ? "got through: " : "refused: ") + what + " " + abbreviate(response.body()));
                }
                if (!ALPHA_INSIDERS.contains(persona) && response.body().contains(ALPHA_INN)) {
                    failures.add("saw Alpha's INN: " + what);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A valid organisation INN and OGRN nobody has registered yet. */
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

    private static String newEntityForm() {
        String[] r = freshRequisites();
        return "name=Iso&legalForm=ORGANISATION&inn=" + r[0] + "&kpp=770401001&ogrn=" + r[1]
                + "&legalAddress=Moscow&vatPayer=true";
    }

    private static String newEntityJson() {
        String[] r = freshRequisites();
        return "{\"name\":\"Iso\",\"legalForm\":\"ORGANISATION\",\"inn\":\"" + r[0]
                + "\",\"kpp\":\"770401001\",\"ogrn\":\"" + r[1] + "\",\"legalAddress\":\"Moscow\",\"vatPayer\":true}";
    }

    private long freshAlphaAddress() {
        return jdbc.sql("""
                        insert into customers.address (legal_entity_id, label, address)
                        values (:e, 'Throwaway', 'Nowhere') returning id""")
                .param("e", alphaStroy).query(Long.class).single();
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
            if (tokens.containsKey(persona)) {
                request.header("Authorization", "Bearer " + tokens.get(persona));
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
        String body = (endpoint.body() == null ? "" : endpoint.body() + "&") + "_csrf=" + token;
        return session.post(path, body, null);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static Endpoint page(String method, String pattern, Supplier<String> path, String body,
            Set<Persona> allowed) {
        return new Endpoint(method, pattern, path, body, allowed);
    }

    private static Endpoint api(String method, String pattern, Supplier<String> path, String body,
            Set<Persona> allowed) {
        return new Endpoint(method, pattern, path, body, allowed);
    }
}
