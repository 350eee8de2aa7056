package io.b2bportal.customers.agreement;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.ContractTerms.PaymentTerms;
import io.b2bportal.customers.agreement.AgreementTemplates.AgreementTemplate;
import io.b2bportal.customers.entity.LegalEntities.LegalEntityView;
import io.b2bportal.platform.PdfRenderer;
import io.b2bportal.platform.Seller;
import io.b2bportal.shared.Money;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Fills a version of the agreement with the seller's and a legal entity's requisites and terms, and renders it
 * to PDF inside {@code templates/customers/agreement-pdf.html}. Everything printed comes from the arguments,
 * never from the clock, so the same arguments give the same bytes (and the same SHA-256).
 */
@Component
class AgreementRenderer {

    static final String TEMPLATE = "customers/agreement-pdf";
    /** A Russian contract, printed in Russian whatever language the buyer reads the portal in. */
    static final Locale RUSSIAN = Locale.of("ru");
    /** The seller's time zone: the date printed on the contract is the date in Moscow. */
    static final ZoneId SELLER_ZONE = ZoneId.of("Europe/Moscow");

    private static final DateTimeFormatter CONTRACT_DATE = DateTimeFormatter.ofPattern("«dd» MMMM yyyy 'г.'", RUSSIAN);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", RUSSIAN);

    private final PdfRenderer pdf;
    private final MessageSource messages;

    AgreementRenderer(PdfRenderer pdf, MessageSource messages) {
        this.pdf = pdf;
        this.messages = messages;
    }

    /** What is printed: one version for one legal entity on one date. */
    record Input(AgreementTemplate template, Seller seller, LegalEntityView buyer, ContractTerms terms,
            Instant documentDate) {
    }

    byte[] render(Input input) {
        return pdf.render(TEMPLATE, model(input), RUSSIAN, input.documentDate());
    }

    Map<String, Object> model(Input input) {
        String number = contractNumber(input);
        Map<String, String> values = placeholders(input, number);
        Map<String, Object> model = new HashMap<>();
        model.put("contractTitle", input.template().title() + " № " + number);
        model.put("edition", String.valueOf(input.template().version()));
        model.put("contractDate", values.get("contract.date"));
        model.put("body", AgreementBody.fill(input.template().body(), values));
        model.put("sellerLines", sellerLines(input.seller()));
        model.put("buyerLines", buyerLines(input.buyer()));
        model.put("issuedOn", SHORT_DATE.format(input.documentDate().atZone(SELLER_ZONE)));
        return model;
    }

    /** The contract's number where staff entered one, otherwise one derived from the legal entity. */
    static String contractNumber(Input input) {
        return input.terms().isDefault() ? "Э-" + input.buyer().id() : input.terms().contractNumber();
    }

    private Map<String, String> placeholders(Input input, String number) {
        Seller seller = input.seller();
        LegalEntityView buyer = input.buyer();
        ContractTerms terms = input.terms();
        Map<String, String> values = new HashMap<>();
        values.put("seller.name", seller.legalName());
        values.put("seller.inn", orDash(seller.inn()));
        values.put("seller.kpp", orDash(seller.kpp()));
        values.put("buyer.name", buyer.name());
        values.put("buyer.inn", buyer.inn() != null ? buyer.inn() : buyer.country() + " " + buyer.taxId());
        values.put("buyer.kpp", orDash(buyer.kpp()));
        values.put("buyer.ogrn", orDash(buyer.ogrn()));
        values.put("buyer.legalAddress", buyer.legalAddress());
        values.put("contract.number", number);
        values.put("contract.date", CONTRACT_DATE.format(input.documentDate().atZone(SELLER_ZONE)));
        values.put("agreement.version", String.valueOf(input.template().version()));
        values.put("terms.priceType", terms.priceType());
        values.put("terms.payment", terms.paymentTerms() == PaymentTerms.DEFERRAL
                ? text("customers.agreement.pdf.payment.deferral", String.valueOf(terms.deferralDays()))
                : text("customers.agreement.pdf.payment.prepayment"));
        values.put("terms.delivery", text("customers.agreement.pdf.delivery." + terms.deliveryTerms().name()));
        values.put("terms.minOrder", terms.minOrderAmount().amount().signum() == 0
                ? text("customers.agreement.pdf.minOrder.none") : money(terms.minOrderAmount()));
        values.put("terms.creditLimit", terms.creditLimit().amount().signum() == 0
                ? text("customers.agreement.pdf.creditLimit.none") : money(terms.creditLimit()));
        return values;
    }

    private List<String> sellerLines(Seller seller) {
        List<String> lines = new ArrayList<>();
        lines.add(seller.legalName());
        lines.add(seller.kpp() == null ? text("customers.agreement.pdf.inn", orDash(seller.inn()))
                : text("customers.agreement.pdf.innKpp", orDash(seller.inn()), seller.kpp()));
        if (seller.ogrn() != null) {
            lines.add(text("customers.agreement.pdf.ogrn", seller.ogrn()));
        }
        if (seller.legalAddress() != null) {
            lines.add(text("customers.agreement.pdf.legalAddress", seller.legalAddress()));
        }
        if (seller.bik() != null) {
            lines.add(text("customers.agreement.pdf.bank", seller.bankName(), seller.bik()));
            lines.add(text("customers.agreement.pdf.account", seller.settlementAccount()));
            lines.add(text("customers.agreement.pdf.corrAccount", seller.correspondentAccount()));
        }
        if (seller.email() != null) {
            lines.add(text("customers.agreement.pdf.email", seller.email()));
        }
        if (seller.phone() != null) {
            lines.add(text("customers.agreement.pdf.phone", seller.phone()));
        }
        return lines;
    }

    private List<String> buyerLines(LegalEntityView buyer) {
        List<String> lines = new ArrayList<>();
        lines.add(buyer.name());
        if (buyer.inn() == null) {
            lines.add(text("customers.agreement.pdf.taxId", buyer.country(), buyer.taxId()));
        } else if (buyer.kpp() == null) {
            lines.add(text("customers.agreement.pdf.inn", buyer.inn()));
        } else {
            lines.add(text("customers.agreement.pdf.innKpp", buyer.inn(), buyer.kpp()));
        }
        if (buyer.ogrn() != null) {
            lines.add(text("SOLE_PROPRIETOR".equals(buyer.legalForm()) ? "customers.agreement.pdf.ogrnip"
                    : "customers.agreement.pdf.ogrn", buyer.ogrn()));
        }
        lines.add(text("customers.agreement.pdf.legalAddress", buyer.legalAddress()));
        if (buyer.actualAddress() != null) {
            lines.add(text("customers.agreement.pdf.actualAddress", buyer.actualAddress()));
        }
        if (buyer.bik() != null) {
            lines.add(text("customers.agreement.pdf.bank", buyer.bankName(), buyer.bik()));
            lines.add(text("customers.agreement.pdf.account", buyer.settlementAccount()));
            lines.add(text("customers.agreement.pdf.corrAccount", buyer.correspondentAccount()));
        }
        return lines;
    }

    /** Arguments are strings, so MessageFormat never groups the digits of an INN or an account. */
    private String text(String key, String... args) {
        return messages.getMessage(key, args, RUSSIAN);
    }

    /** "1 500 000,00 ₽": the PDF renderer takes money already formatted. */
    static String money(Money money) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.of("ru", "RU"));
        int digits = money.currency().getDefaultFractionDigits();
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        number.setRoundingMode(RoundingMode.HALF_UP);
        String sign = Money.RUB.equals(money.currency()) ? "₽" : money.currency().getCurrencyCode();
        return number.format(money.amount()) + "\u00a0" + sign;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
