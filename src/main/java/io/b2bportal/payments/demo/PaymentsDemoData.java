package io.b2bportal.payments.demo;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.payments.bank.BankStatements;
import io.b2bportal.payments.online.OnlinePayments;
import io.b2bportal.payments.online.SandboxProvider;
import io.b2bportal.payments.payment.ManualPayment;
import io.b2bportal.payments.payment.Registrations;
import io.b2bportal.platform.DemoData;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Seller;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo payments, each made as of the day it pretends to happen on: Alpha Stroy pays its old invoices around their due
 * dates (so it is never overdue and never on credit hold), pays one invoice with 3,500 ₽ too much (an advance that
 * the next invoice uses up), pays part of a recent one; one bank statement imported 12 days ago, with an unknown
 * payer waiting in review and an outgoing payment skipped; Beta paid its completed prepayment order and pays its new
 * one online through the sandbox (the order is confirmed by it).
 */
@Component
class PaymentsDemoData implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentsDemoData.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CustomersApi customers;
    private final DocumentsApi documents;
    private final Registrations registrations;
    private final BankStatements statements;
    private final OnlinePayments online;
    private final SandboxProvider sandbox;
    private final PlatformApi platform;
    private final String baseUrl;

    PaymentsDemoData(CustomersApi customers, DocumentsApi documents, Registrations registrations,
            BankStatements statements, OnlinePayments online, SandboxProvider sandbox, PlatformApi platform,
            @Value("${portal.base-url}") String baseUrl) {
        this.customers = customers;
        this.documents = documents;
        this.registrations = registrations;
        this.statements = statements;
        this.online = online;
        this.sandbox = sandbox;
        this.platform = platform;
        this.baseUrl = baseUrl;
    }

    @Override
    public int order() {
        return 720;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        // the demo's invoices are numbered after its one transaction commits; these payments quote their numbers now
        documents.numberPendingInvoices();
        long accountant = seeding.accountId("accountant@demo.local");
        Optional<LegalEntityRef> stroy = customers.legalEntitiesByInn("7704123450").stream().findFirst();
        Optional<LegalEntityRef> beta = customers.legalEntitiesByInn("5027123457").stream().findFirst();
        if (stroy.isEmpty() || beta.isEmpty()) {
            LOG.warn("Demo payments skipped: the demo customers are missing");
            return;
        }
        long alpha = stroy.get().id();
        LocalDate today = BusinessDate.today();
        List<InvoiceRef> open = documents.openInvoices(alpha);
        Optional<InvoiceRef> completed = issued(open, today, 118);
        Optional<InvoiceRef> delivered = issued(open, today, 76);
        Optional<InvoiceRef> shipped = issued(open, today, 41);
        Optional<InvoiceRef> backorder = issued(open, today, 20);

        completed.ifPresent(i -> daysAgo(90, () -> pay(alpha, i, i.outstanding(), "118", accountant)));
        delivered.ifPresent(i -> daysAgo(48, () -> pay(alpha, i, i.outstanding().add(new BigDecimal("3500.00")),
                "164", accountant)));
        shipped.ifPresent(i -> daysAgo(12, () -> importStatement(i, accountant)));
        backorder.ifPresent(i -> daysAgo(5, () -> pay(alpha, i, i.outstanding().divide(BigDecimal.TWO, 2,
                RoundingMode.HALF_UP), "231", accountant)));

        List<InvoiceRef> betaOpen = documents.openInvoices(beta.get().id());
        issued(betaOpen, today, 33).ifPresent(i -> daysAgo(33, () -> pay(beta.get().id(), i, i.outstanding(), "57",
                accountant)));
        issued(betaOpen, today, 1).ifPresent(i -> payOnline(i, seeding.accountId("buyer@beta.demo")));
    }

    private static Optional<InvoiceRef> issued(List<InvoiceRef> invoices, LocalDate today, int daysAgo) {
        return invoices.stream().filter(i -> i.issuedOn().equals(today.minusDays(daysAgo))).findFirst();
    }

    private static void daysAgo(int days, Supplier<Object> work) {
        BusinessDate.asOf(BusinessDate.today().minusDays(days), work);
    }

    private Object pay(long entity, InvoiceRef invoice, BigDecimal amount, String docNumber, long accountant) {
        return registrations.register(new ManualPayment(entity, amount, BusinessDate.today(),
                "Оплата по счету " + invoice.number() + ", в т.ч. НДС", List.of(invoice.id()), null, null, docNumber,
                BusinessDate.today()), "demo-" + invoice.number() + "-" + docNumber, accountant);
    }

    private Object importStatement(InvoiceRef shipped, long accountant) {
        Seller seller = platform.seller().orElse(null);
        if (seller == null || seller.settlementAccount() == null) {
            return null;
        }
        LocalDate day = BusinessDate.today();
        String d = DAY.format(day);
        int seq = Integer.parseInt(shipped.number().substring(shipped.number().lastIndexOf('-') + 1));
        String file = String.join("\r\n",
                "1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "Отправитель=Бухгалтерия",
                "Получатель=", "ДатаСоздания=" + d, "ВремяСоздания=18:02:11", "ДатаНачала=" + d, "ДатаКонца=" + d,
                "РасчСчет=" + seller.settlementAccount(), "Документ=Платежное поручение",
                "СекцияРасчСчет", "ДатаНачала=" + d, "ДатаКонца=" + d, "РасчСчет=" + seller.settlementAccount(),
                "НачальныйОстаток=1250000.00", "ВсегоПоступило=0", "ВсегоСписано=0", "КонечныйОстаток=0",
                "КонецРасчСчет",
                "СекцияДокумент=Платежное поручение", "Номер=402", "Дата=" + d,
                "Сумма=" + shipped.outstanding().setScale(2).toPlainString(),
                "ПлательщикСчет=40702810400000012345", "ДатаСписано=" + d, "Плательщик=ИНН 7704123450 ООО «Альфа Строй»",
                "ПлательщикИНН=7704123450", "Плательщик1=ООО «Альфа Строй»", "ПлательщикКПП=770401001",
                "ПлательщикБанк1=ПАО СБЕРБАНК", "ПлательщикБИК=044525225",
                "ПолучательСчет=" + seller.settlementAccount(), "ДатаПоступило=" + d,
                "Получатель=ИНН " + seller.inn() + " " + seller.legalName(), "ПолучательИНН=" + seller.inn(),
                "Получатель1=" + seller.legalName(), "ВидОплаты=01", "Очередность=5",
                "НазначениеПлатежа=Оплата по счету № " + seq + " от " + DAY.format(shipped.issuedOn())
                        + " за крепёж. В т.ч. НДС",
                "КонецДокумента",
                "СекцияДокумент=Платежное поручение", "Номер=77", "Дата=" + d, "Сумма=18400.00",
                "ПлательщикСчет=40702810100000054321", "Плательщик=ИНН 7714098765 ООО «Кровля Центр»",
                "ПлательщикИНН=7714098765", "Плательщик1=ООО «Кровля Центр»",
                "ПолучательСчет=" + seller.settlementAccount(), "ДатаПоступило=" + d,
                "ПолучательИНН=" + seller.inn(), "Получатель1=" + seller.legalName(),
                "НазначениеПлатежа=Предоплата за саморезы кровельные по договоренности. Без НДС",
                "КонецДокумента",
                "СекцияДокумент=Платежное поручение", "Номер=1208", "Дата=" + d, "Сумма=96000.00",
                "ПлательщикСчет=" + seller.settlementAccount(), "ПлательщикИНН=" + seller.inn(),
                "Плательщик1=" + seller.legalName(), "ПолучательСчет=40702810900000011111",
                "ПолучательИНН=7801234567", "Получатель1=ООО «Метизный завод»", "ДатаСписано=" + d,
                "НазначениеПлатежа=Оплата по счету 5512 за метизы, в т.ч. НДС",
                "КонецДокумента",
                "КонецФайла", "");
        return statements.importFile("kl_to_1c_" + day + ".txt", file.getBytes(Charset.forName("windows-1251")),
                accountant);
    }

    private void payOnline(InvoiceRef invoice, long buyer) {
        OnlinePayments.Started started = online.start(invoice.id(), List.of(invoice.legalEntityId()), buyer, baseUrl);
        String token = started.redirectUrl().substring(started.redirectUrl().lastIndexOf('/') + 1);
        sandbox.decideQuietly(token, true)
                .ifPresent(callback -> online.callback(SandboxProvider.NAME, callback.body(), callback.headers()));
    }
}
