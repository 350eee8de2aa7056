package io.b2bportal.payments;

import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every payment page renders in both languages with no missing label, and only for whom it is meant. */
@PortalTest
class PaymentPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void staffPagesRenderInRussianAndEnglish() {
        WebSession accountant = new WebSession(port).login("accountant@demo.local", "demo");
        long statement = jdbc.sql("select min(id) from payments.bank_statement where refused_key is null")
                .query(Long.class).single();
        long payment = jdbc.sql("select min(id) from payments.payment").query(Long.class).single();
        for (String path : List.of("/admin/payments", "/admin/payments/review", "/admin/payments/bank-statements",
                "/admin/payments/bank-statements/" + statement, "/admin/payments/" + payment)) {
            for (String lang : List.of("ru", "en")) {
                HttpResponse<String> page = accountant.get(path + "?lang=" + lang);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path + " " + lang).doesNotContain("??").doesNotContain("{0}");
            }
        }
        assertThat(accountant.get("/admin/payments/review?lang=ru").body()).contains("Несопоставленные платежи")
                .contains("Нет клиента с ИНН плательщика 7714098765");
        assertThat(accountant.get("/admin/payments?lang=en&state=UNMATCHED").body()).contains("ООО «Кровля Центр»");
    }

    @Test
    void buyerPagesRenderAndOtherEntitiesPaymentsAreNotFound() {
        WebSession beta = new WebSession(port).login("buyer@beta.demo", "demo");
        for (String lang : List.of("ru", "en")) {
            HttpResponse<String> page = beta.get("/payments?lang=" + lang);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("??");
        }
        long alphaPayment = jdbc.sql("""
                        select min(p.id) from payments.payment p join customers.legal_entity le
                          on le.id = p.legal_entity_id where le.inn = :inn""")
                .param("inn", PaymentsFixture.ALPHA_STROY).query(Long.class).single();
        assertThat(beta.get("/payments/" + alphaPayment).statusCode()).isEqualTo(404);
        long betaPayment = jdbc.sql("""
                        select min(p.id) from payments.payment p join customers.legal_entity le
                          on le.id = p.legal_entity_id where le.inn = :inn and p.source = 'ONLINE'""")
                .param("inn", PaymentsFixture.BETA).query(Long.class).single();
        assertThat(beta.get("/payments/" + betaPayment + "?lang=en").body()).contains("The payment is received");
        assertThat(new WebSession(port).login("manager@demo.local", "demo").get("/admin/payments").statusCode())
                .isEqualTo(403);
        assertThat(beta.get("/admin/payments/review").statusCode()).isEqualTo(403);
    }
}
