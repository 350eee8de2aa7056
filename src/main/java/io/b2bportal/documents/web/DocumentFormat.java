package io.b2bportal.documents.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting for the documents pages, as {@code ${@documentFormat.money(amount, currency)}}. */
@Component("documentFormat")
class DocumentFormat {

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        // as the platform's money format: digits grouped the locale's way, then the sign
        Locale locale = "ru".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        number.setRoundingMode(RoundingMode.HALF_UP);
        String sign = currency == null || "RUB".equals(currency) ? "₽" : currency;
        return number.format(amount) + "\u00a0" + sign;
    }

    /** The badge colour of a status. */
    public String badge(String status) {
        return switch (status) {
            case "PAID" -> "badge--ok";
            case "OVERDUE" -> "badge--err";
            case "PARTLY_PAID" -> "badge--pending";
            case "CANCELLED", "SUPERSEDED" -> "badge--off";
            default -> "";
        };
    }
}
