package io.b2bportal.documents.pdf;

import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.query.DocumentView;
import io.b2bportal.platform.Seller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the PDF templates print, as text already formatted for the language: amounts "45 000,00" (ru) or "45,000.00"
 * (en), dates "27 ноября 2026 г." or "27 November 2026", the amount in words, the payment QR code. Built from the stored
 * document only, never from the clock or the current requisites.
 */
@Component
class PdfModels {

    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'г.'", DocumentPdfs.RUSSIAN);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final MessageSource messages;

    PdfModels(MessageSource messages) {
        this.messages = messages;
    }

    /** A line as printed. */
    record PrintedLine(int no, String sku, String name, String unitCode, String unit, String quantity,
            String unitNet, String unitGross, String vatRate, String net, String vat, String gross) {
    }

    /** A movement of a reconciliation act as printed: the seller's side and the buyer's mirror of it. */
    record PrintedMovement(String date, String document, String debit, String credit) {
    }

    Map<String, Object> model(DocumentView d, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Map<String, Object> model = new HashMap<>();
        model.put("doc", d);
        model.put("number", d.number());
        model.put("date", date(d.issuedOn(), en));
        model.put("dueDate", d.dueOn() == null ? null : date(d.dueOn(), en));
        model.put("seller", d.seller());
        model.put("buyer", d.buyer());
        model.put("sellerLine", party(d.seller(), en));
        model.put("buyerLine", party(d.buyer(), en));
        model.put("details", d.details());
        model.put("totalNet", money(d.totalNet(), en));
        model.put("totalVat", money(d.totalVat(), en));
        model.put("totalGross", money(d.totalGross(), en));
        model.put("amountInWords", AmountInWords.of(d.totalGross(), locale));
        model.put("lineCount", d.lines().size());
        List<PrintedLine> lines = new ArrayList<>();
        for (DocumentView.Line l : d.lines()) {
            lines.add(new PrintedLine(l.lineNo(), l.sku(), en && l.nameEn() != null ? l.nameEn() : l.name(),
                    l.unitCode(), l.unitName(), quantity(l.quantity(), en), money(l.unitNet(), en),
                    money(l.unitGross(), en), vatRate(l.vatRate(), locale), money(l.lineNet(), en),
                    money(l.lineVat(), en), money(l.lineGross(), en)));
        }
        model.put("lines", lines);
        List<String> basis = new ArrayList<>();
        if (d.details().get("contractNumber") != null) {
            basis.add(text("documents.pdf.basis.contract", locale, d.details().get("contractNumber")));
        }
        if (d.orderNumber() != null) {
            basis.add(text("documents.pdf.basis.order", locale, d.orderNumber()));
        }
        if (d.details().get("poNumber") != null) {
            basis.add(text("documents.pdf.basis.po", locale, d.details().get("poNumber")));
        }
        model.put("basis", basis.isEmpty() ? "—" : String.join(", ", basis));
        model.put("versionNote", d.version() > 1 ? text("documents.pdf.version", locale, d.version()) : null);
        if (d.kind() == DocumentKind.INVOICE) {
            Seller payee = seller(d.seller());
            String purpose = text("documents.pdf.invoice.purpose", DocumentPdfs.RUSSIAN, d.number(),
                    SHORT.format(d.issuedOn()), money(d.totalVat(), false));
            model.put("qr", payee.settlementAccount() == null ? null
                    : PaymentQr.dataUri(PaymentQr.payload(payee, purpose, d.totalGross())));
            model.put("purpose", purpose);
        }
        if (d.kind() == DocumentKind.RECONCILIATION) {
            actModel(d, en, model);
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private void actModel(DocumentView d, boolean en, Map<String, Object> model) {
        Map<String, Object> act = d.details();
        model.put("periodFrom", date(d.periodFrom(), en));
        model.put("periodTo", date(d.periodTo(), en));
        List<PrintedMovement> movements = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) act.getOrDefault("lines", List.of())) {
            movements.add(new PrintedMovement(SHORT.format(LocalDate.parse((String) m.get("on"))),
                    (String) m.get(en ? "documentEn" : "document"), moneyOrBlank(m.get("debit"), en),
                    moneyOrBlank(m.get("credit"), en)));
        }
        model.put("movements", movements);
        BigDecimal opening = decimal(act.get("opening"));
        BigDecimal closing = decimal(act.get("closing"));
        model.put("openingDebit", moneyOrBlank(opening.max(BigDecimal.ZERO), en));
        model.put("openingCredit", moneyOrBlank(opening.min(BigDecimal.ZERO).negate(), en));
        model.put("debits", money(decimal(act.get("debits")), en));
        model.put("credits", money(decimal(act.get("credits")), en));
        model.put("closingDebit", moneyOrBlank(closing.max(BigDecimal.ZERO), en));
        model.put("closingCredit", moneyOrBlank(closing.min(BigDecimal.ZERO).negate(), en));
        model.put("closingAbs", money(closing.abs(), en));
        model.put("closingWords", AmountInWords.of(closing.abs(), en ? Locale.ENGLISH : DocumentPdfs.RUSSIAN));
        model.put("inFavourOfSeller", closing.signum() > 0);
        model.put("settled", closing.signum() == 0);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private String moneyOrBlank(Object value, boolean en) {
        BigDecimal amount = decimal(value);
        return amount.signum() == 0 ? "" : money(amount, en);
    }

    static Seller seller(Map<String, Object> s) {
        return new Seller(str(s, "name"), str(s, "legalName"), str(s, "inn"), str(s, "kpp"), str(s, "email"),
                str(s, "phone"), str(s, "ogrn"), str(s, "legalAddress"), str(s, "bik"), str(s, "bankName"),
                str(s, "settlementAccount"), str(s, "correspondentAccount"));
    }

    private static String str(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    /** "ООО «Альфа Строй», ИНН 7704123450, КПП 770401001, 115054, г. Москва, …" */
    private String party(Map<String, Object> p, boolean en) {
        Locale locale = en ? Locale.ENGLISH : DocumentPdfs.RUSSIAN;
        String name = str(p, "legalName") != null ? str(p, "legalName") : str(p, "name");
        StringBuilder out = new StringBuilder(name == null ? "—" : name);
        if (str(p, "inn") != null) {
            out.append(", ").append(text("documents.pdf.inn", locale, str(p, "inn")));
        } else if (str(p, "taxId") != null) {
            out.append(", ").append(text("documents.pdf.taxId", locale, str(p, "taxId")));
        }
        if (str(p, "kpp") != null) {
            out.append(", ").append(text("documents.pdf.kpp", locale, str(p, "kpp")));
        }
        if (str(p, "legalAddress") != null) {
            out.append(", ").append(str(p, "legalAddress"));
        }
        return out.toString();
    }

    private String vatRate(String rate, Locale locale) {
        if (rate == null) {
            return "";
        }
        return "EXEMPT".equals(rate) ? text("documents.pdf.vat.exempt", locale) : rate + "%";
    }

    static String date(LocalDate day, boolean en) {
        return day == null ? "" : (en ? EN_DATE : RU_DATE).format(day);
    }

    /** 45 000,00 (a no-break space between thousands) or 45,000.00. */
    static String money(BigDecimal amount, boolean en) {
        if (amount == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(en ? Locale.ENGLISH : DocumentPdfs.RUSSIAN);
        if (!en) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    static String quantity(BigDecimal quantity, boolean en) {
        if (quantity == null) {
            return "";
        }
        String plain = quantity.stripTrailingZeros().toPlainString();
        return en ? plain : plain.replace('.', ',');
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
