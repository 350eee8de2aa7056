package io.b2bportal.customers.demo;

import io.b2bportal.customers.agreement.AcceptanceLog;
import io.b2bportal.customers.agreement.AcceptanceLog.NewAcceptance;
import io.b2bportal.customers.agreement.AgreementDocuments;
import io.b2bportal.customers.agreement.AgreementDocuments.AgreementDocument;
import io.b2bportal.platform.DemoData;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supply contract of every approved demo legal entity, rendered; ООО «Альфа Строй» (accepted by its company
 * administrator), ООО «Бета Инструмент» and the sole proprietor Gamma (the credit-hold demo orders) have accepted
 * it, ООО «Альфа Ремонт» has not, so both states can be seen.
 */
@Component
class AgreementDemoData implements DemoData {

    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/142.0.0.0 Safari/537.36";

    private final JdbcClient jdbc;
    private final AgreementDocuments documents;
    private final AcceptanceLog acceptances;

    AgreementDemoData(JdbcClient jdbc, AgreementDocuments documents, AcceptanceLog acceptances) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.acceptances = acceptances;
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        List<Long> approved = jdbc.sql("select id from customers.legal_entity where status = 'APPROVED' order by id")
                .query(Long.class).list();
        approved.forEach(documents::current);
        accept(seeding, "7704123450", "admin@alpha.demo");
        accept(seeding, "5027123457", "buyer@beta.demo");
        accept(seeding, "773123456716", "buyer@gamma.demo");
    }

    private void accept(DemoSeeding seeding, String inn, String email) {
        long entity = jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
        AgreementDocument document = documents.current(entity).orElseThrow();
        acceptances.append(new NewAcceptance(entity, seeding.accountId(email), "127.0.0.1", BROWSER,
                document.templateVersion(), document.pdfSha256()), Instant.now());
    }
}
