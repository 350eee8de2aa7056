package io.b2bportal.customers.agreement;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.agreement.AcceptanceChain.Verification;
import io.b2bportal.customers.agreement.AcceptanceLog.Acceptance;
import io.b2bportal.customers.agreement.AgreementDocuments.AgreementDocument;
import io.b2bportal.customers.agreement.AgreementFixture.Customer;
import io.b2bportal.customers.agreement.AgreementTemplates.AgreementTemplate;
import io.b2bportal.customers.agreement.Agreements.AgreementStatus;
import io.b2bportal.customers.agreement.Agreements.State;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Hashes;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The supply agreement against the real database: rendering, accepting, the hash-chained log under concurrency
 * and against tampering, new versions, and what ordering may ask. Each test that accepts brings its own customer.
 */
@PortalTest
class AgreementTests {

    private static final String ALPHA_STROY_INN = "7704123450";
    private static final String BETA_INN = "5027123457";
    private static final String SELLER_INN = "7707083893";

    @Autowired
    Agreements agreements;
    @Autowired
    AcceptanceLog acceptances;
    @Autowired
    AgreementDocuments documents;
    @Autowired
    AgreementTemplates templates;
    @Autowired
    AgreementRenderer renderer;
    @Autowired
    CustomersApi customers;
    @Autowired
    Companies companies;
    @Autowired
    LegalEntities legalEntities;
    @Autowired
    PlatformApi platform;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @LocalServerPort
    int port;

    private AgreementFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AgreementFixture(companies, legalEntities, platform);
    }

    @Test
    void theAcceptanceLogVerifiesItsHashChainAfterSeveralAcceptances() {
        List<Acceptance> accepted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accepted.add(accept(fixture.approvedCustomer()));
        }

        Verification verification = acceptances.verify();

        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.entries()).isGreaterThanOrEqualTo(accepted.size() + 2L);
        for (int i = 1; i < accepted.size(); i++) {
            assertThat(accepted.get(i).seq()).isGreaterThan(accepted.get(i - 1).seq());
            assertThat(accepted.get(i).entryHash()).isEqualTo(AcceptanceChain.hash(accepted.get(i).link()));
        }
        Acceptance last = accepted.getLast();
        String previous = jdbc.sql("""
                        select entry_hash from customers.agreement_acceptance where seq < :seq
                         order by seq desc limit 1""")
                .param("seq", last.seq()).query(String.class).single();
        assertThat(last.prevHash()).isEqualTo(previous);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheLogTheVersionsAndTheDocuments() {
        accept(fixture.approvedCustomer());
        long seq = jdbc.sql("select max(seq) from customers.agreement_acceptance").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update customers.agreement_acceptance set ip = '10.6.6.6' where seq = :seq")
                .param("seq", seq).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from customers.agreement_acceptance where seq = :seq")
                .param("seq", seq).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate customers.agreement_acceptance").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update customers.agreement_template set body = '<p>x</p>' where version = 1")
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from customers.agreement_document").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(jdbc.sql("select ip from customers.agreement_acceptance where seq = :seq").param("seq", seq)
                .query(String.class).single()).isNotEqualTo("10.6.6.6");
        assertThat(acceptances.verify().intact()).isTrue();
    }

    @Test
    void aRowChangedBehindTheTriggersBackIsFoundByTheVerifier() {
        Acceptance tampered = accept(fixture.approvedCustomer());
        accept(fixture.approvedCustomer());

        // only a superuser can switch triggers off, and only inside this transaction, which is rolled back
        Verification verification = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update customers.agreement_acceptance set ip = '10.6.6.6' where seq = :seq")
                    .param("seq", tampered.seq()).update();
            return acceptances.verify();
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered.seq());
        assertThat(acceptances.verify().intact()).isTrue();
    }

    @Test
    void twentyConcurrentAcceptancesMakeOneUnbrokenChain() throws Exception {
        Customer customer = fixture.approvedCustomer();
        List<Long> entities = new ArrayList<>(List.of(customer.legalEntityId()));
        for (int i = 1; i < 20; i++) {
            entities.add(fixture.entityOf(customer, true));
        }
        Map<Long, String> pdfs = new HashMap<>();
        entities.forEach(entity -> pdfs.put(entity, agreements.status(entity).pdfSha256()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Acceptance>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(entities.size())) {
            for (int i = 0; i < entities.size(); i++) {
                long entity = entities.get(i);
                String ip = "192.0.2." + (i + 1);
                results.add(threads.submit(() -> {
                    start.await();
                    return agreements.accept(customer.admin(), entity, pdfs.get(entity), ip, "JUnit concurrency");
                }));
            }
            start.countDown();
        }

        List<Acceptance> accepted = new ArrayList<>();
        for (Future<Acceptance> result : results) {
            accepted.add(result.get());
        }
        assertThat(accepted).extracting(Acceptance::seq).doesNotHaveDuplicates().hasSize(20);
        assertThat(accepted).extracting(Acceptance::prevHash).doesNotHaveDuplicates();
        Verification verification = acceptances.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        List<String> prevHashes = jdbc.sql("select prev_hash from customers.agreement_acceptance")
                .query(String.class).list();
        assertThat(new HashSet<>(prevHashes)).as("no two entries follow the same entry").hasSameSizeAs(prevHashes);
    }

    @Test
    void acceptingTheSameContractTwentyTimesAtOnceRecordsItOnce() throws Exception {
        Customer customer = fixture.approvedCustomer();
        String pdf = agreements.status(customer.legalEntityId()).pdfSha256();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Acceptance>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return agreements.accept(customer.admin(), customer.legalEntityId(), pdf, "192.0.2.1", "double");
                }));
            }
            start.countDown();
        }

        for (Future<Acceptance> result : results) {
            assertThat(result.get().seq()).isEqualTo(results.getFirst().get().seq());
        }
        assertThat(agreements.history(customer.legalEntityId())).hasSize(1);
        assertThat(acceptances.verify().intact()).isTrue();
    }

    @Test
    void theContractNamesBothPartiesWithTheirInnsAndTheTerms() throws IOException {
        long alphaStroy = entityByInn(ALPHA_STROY_INN);
        AgreementTemplate first = templates.find(1).orElseThrow();
        byte[] pdf = renderer.render(documents.input(alphaStroy, first).orElseThrow());
        Files.write(Path.of("/tmp/agreement.pdf"), pdf);

        String text = text(pdf);

        assertThat(text).contains("ООО «ТехноСнаб»", "ИНН " + SELLER_INN, "ООО «Альфа Строй»",
                "ИНН " + ALPHA_STROY_INN, "Договор поставки № П-2026/014", "Редакция № 1",
                "в течение 30 календарных дней", "Реквизиты и подписи сторон", "Стр. 1 из",
                // the supplier's block names where to pay, not only who it is
                "ОГРН 1027700132195", "40702810938000099999", "БИК 044525225");
        assertThat(text).doesNotContain("{{");
    }

    @Test
    void theSameInputRendersTheSameSha256() throws InterruptedException {
        Customer customer = fixture.approvedCustomer();
        AgreementDocument stored = documents.current(customer.legalEntityId()).orElseThrow();
        AgreementTemplate template = templates.find(stored.templateVersion()).orElseThrow();

        Thread.sleep(1_100); // a clock in the PDF would show by now: its dates have whole seconds
        String again = Hashes.sha256Hex(renderer.render(documents.input(customer.legalEntityId(), template)
                .orElseThrow()));

        assertThat(again).as("the stored PDF is what the same data renders later").isEqualTo(stored.pdfSha256());
        assertThat(documents.current(customer.legalEntityId()).orElseThrow()).isEqualTo(stored);
        Customer other = fixture.approvedCustomer();
        assertThat(documents.current(other.legalEntityId()).orElseThrow().pdfSha256()).isNotEqualTo(again);
    }

    @Test
    void aNewVersionAsksForAcceptanceAgain() {
        Customer customer = fixture.approvedCustomer();
        Acceptance first = accept(customer);
        assertThat(agreements.status(customer.legalEntityId()).state()).isEqualTo(State.ACCEPTED);
        assertThat(customers.whyCannotOrder(customer.legalEntityId())).isEmpty();

        AgreementTemplate current = templates.current().orElseThrow();
        int next = agreements.publish(portalAdmin(), current.title(),
                current.body() + "\n<h2>10. Новый раздел</h2><p>10.1. Текст новой редакции.</p>");

        AgreementStatus status = agreements.status(customer.legalEntityId());
        assertThat(next).isEqualTo(current.version() + 1);
        assertThat(status.state()).isEqualTo(State.AWAITING_ACCEPTANCE);
        assertThat(status.currentVersion()).isEqualTo(next);
        assertThat(status.pdfSha256()).isNotEqualTo(first.pdfSha256());
        assertThat(agreements.awaitsAcceptance(customer.legalEntityId())).isTrue();
        assertThat(customers.whyCannotOrder(customer.legalEntityId())).contains(OrderingPolicy.NOT_ACCEPTED);
        assertThatThrownBy(() -> agreements.accept(customer.admin(), customer.legalEntityId(), first.pdfSha256(),
                "192.0.2.1", "JUnit")).isInstanceOf(DomainException.class).hasMessageContaining("agreement-changed");

        Acceptance second = agreements.accept(customer.admin(), customer.legalEntityId(), status.pdfSha256(),
                "192.0.2.1", "JUnit");

        assertThat(second.templateVersion()).isEqualTo(next);
        assertThat(customers.whyCannotOrder(customer.legalEntityId())).isEmpty();
        assertThat(agreements.history(customer.legalEntityId())).extracting(Acceptance::templateVersion)
                .containsExactly(next, current.version());
        assertThat(text(agreements.pdf(customer.legalEntityId(), null).orElseThrow().content()))
                .contains("Текст новой редакции").contains("Редакция № " + next);
    }

    @Test
    void onlyTheCompanyAdministratorOfTheCustomerAccepts() {
        Customer customer = fixture.approvedCustomer();
        Customer other = fixture.approvedCustomer();
        String pdf = agreements.status(customer.legalEntityId()).pdfSha256();

        assertThatThrownBy(() -> agreements.accept(customer.buyer(), customer.legalEntityId(), pdf, "192.0.2.1", "x"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> agreements.accept(other.admin(), customer.legalEntityId(), pdf, "192.0.2.1", "x"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> agreements.accept(portalAdmin(), customer.legalEntityId(), pdf, "192.0.2.1", "x"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(agreements.history(customer.legalEntityId())).isEmpty();
    }

    @Test
    void anAcceptanceRecordsWhoWhenWhereAndWhichFile() {
        Customer customer = fixture.approvedCustomer();
        AgreementStatus status = agreements.status(customer.legalEntityId());
        String longAgent = "Mozilla/5.0 " + "x".repeat(600);

        Instant before = Instant.now();
        Acceptance acceptance = agreements.accept(customer.admin(), customer.legalEntityId(), status.pdfSha256(),
                "2001:db8::7", longAgent);

        assertThat(acceptance.userId()).isEqualTo(customer.admin().id());
        assertThat(acceptance.legalEntityId()).isEqualTo(customer.legalEntityId());
        assertThat(acceptance.ip()).isEqualTo("2001:db8::7");
        assertThat(acceptance.userAgent()).hasSize(500).startsWith("Mozilla/5.0 ");
        assertThat(acceptance.templateVersion()).isEqualTo(status.currentVersion());
        assertThat(acceptance.pdfSha256()).isEqualTo(status.pdfSha256())
                .isEqualTo(Hashes.sha256Hex(agreements.pdf(customer.legalEntityId(), null).orElseThrow().content()));
        assertThat(acceptance.acceptedAt().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(acceptance.acceptedAt().toInstant()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void approvingAnEntityRendersItsContractAfterTheCommit() {
        Customer customer = fixture.approvedCustomer();
        long pending = fixture.entityOf(customer, false);
        assertThat(documents.ofEntity(pending)).isEmpty();

        var response = new Http(port).postJson("/api/v1/admin/customers/legal-entities/" + pending + "/approve",
                Http.basic("admin@demo.local", "demo"), "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(documents.ofEntity(pending))
                .extracting(AgreementDocument::templateVersion)
                .containsExactly(templates.currentVersion().orElseThrow()));
    }

    @Test
    void orderingWaitsForApprovalAndForTheCurrentAgreement() {
        Customer customer = fixture.approvedCustomer();
        long pending = fixture.entityOf(customer, false);

        assertThat(customers.whyCannotOrder(pending)).contains(OrderingPolicy.PENDING);
        assertThat(customers.whyCannotOrder(customer.legalEntityId())).contains(OrderingPolicy.NOT_ACCEPTED);
        assertThat(customers.whyCannotOrder(Long.MAX_VALUE)).contains(OrderingPolicy.UNKNOWN_ENTITY);
        assertThat(agreements.status(pending).state()).isEqualTo(State.ENTITY_NOT_APPROVED);
        assertThatThrownBy(() -> agreements.accept(customer.admin(), pending, "0".repeat(64), "192.0.2.1", "x"))
                .isInstanceOf(DomainException.class).hasMessageContaining("legal-entity-not-approved");

        accept(customer);

        assertThat(customers.whyCannotOrder(customer.legalEntityId())).isEmpty();
    }

    @Test
    void theFirstVersionIsAPublishableContract() {
        AgreementTemplate first = templates.find(1).orElseThrow();

        assertThat(AgreementBody.check(first.body())).isEmpty();
        assertThat(AgreementBody.placeholders(first.body()))
                .contains("seller.name", "seller.inn", "buyer.name", "buyer.inn", "terms.payment", "terms.delivery");
    }

    @Test
    void theDemoHasAlphaStroyAndBetaAcceptedButNotAlphaRemont() {
        Acceptance alpha = acceptances.find(entityByInn(ALPHA_STROY_INN), 1).orElseThrow();
        Acceptance beta = acceptances.find(entityByInn(BETA_INN), 1).orElseThrow();

        assertThat(alpha.userEmail()).isEqualTo("admin@alpha.demo");
        assertThat(beta.userEmail()).isEqualTo("buyer@beta.demo");
        assertThat(List.of(alpha, beta)).allSatisfy(a -> {
            assertThat(a.ip()).isEqualTo("127.0.0.1");
            assertThat(a.userAgent()).startsWith("Mozilla/5.0");
        });
        // the demo's are the first two entries of the log; ООО «Альфа Ремонт» is left for people to accept
        assertThat(jdbc.sql("select legal_entity_id from customers.agreement_acceptance where seq <= 2 order by seq")
                .query(Long.class).list()).containsExactly(alpha.legalEntityId(), beta.legalEntityId());
        assertThat(documents.find(entityByInn("7704987650"), 1)).isPresent();
    }

    private Acceptance accept(Customer customer) {
        AgreementStatus status = agreements.status(customer.legalEntityId());
        return agreements.accept(customer.admin(), customer.legalEntityId(), status.pdfSha256(), "192.0.2.10",
                "Mozilla/5.0 (JUnit)");
    }

    private PortalUser portalAdmin() {
        return platform.account(platform.accountId("admin@demo.local").orElseThrow()).orElseThrow();
    }

    private long entityByInn(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines break where the layout wants: compare text, not line breaks
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
