package io.b2bportal.pricing.admin.web;

import io.b2bportal.pricing.admin.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers on the pricing pages, for templates as {@code ${@pricingFormat.amount(x)}}. Prices show every digit they
 * have (a fastener at 0.0450 is not 0.05), at least kopecks; quantities without trailing zeros; inputs get the
 * number back without grouping and with the locale's decimal mark, so what is shown can be saved again.
 */
@Component("pricingFormat")
public class PricingFormat {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");


    public String amount(BigDecimal value) {
        return value == null ? "" : format(value, 2, 4);
    }

    public String qty(BigDecimal value) {
        return value == null ? "" : format(value, 0, 3);
    }

    public String percent(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String sign = value.signum() > 0 ? "+" : value.signum() < 0 ? "\u2212" : "";
        return sign + format(value.abs(), 0, 4) + "\u00a0%";
    }

    /** A signed amount, as a derived type's adjustment: +5,00 or −12,50. */
    public String signed(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String sign = value.signum() > 0 ? "+" : value.signum() < 0 ? "\u2212" : "";
        return sign + format(value.abs(), 2, 4);
    }

    /** A moment in the seller's time zone (promotion windows are set and shown in Moscow time). */
    public String moment(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(PromotionForm.SELLER_ZONE).format(MOMENT);
    }

    /** The month of a timeline header: "Dec 2026" or "дек. 2026". */
    public String month(YearMonth month) {
        Locale locale = LocaleContextHolder.getLocale();
        return month.atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", "ru".equals(locale.getLanguage())
                ? Locale.of("ru") : Locale.ENGLISH));
    }

    public String input(BigDecimal value) {
        return Decimals.input(value, LocaleContextHolder.getLocale());
    }

    private static String format(BigDecimal value, int minDigits, int maxDigits) {
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat number = NumberFormat.getNumberInstance("ru".equals(locale.getLanguage())
                ? Locale.of("ru", "RU") : Locale.US);
        number.setMinimumFractionDigits(minDigits);
        number.setMaximumFractionDigits(maxDigits);
        number.setRoundingMode(RoundingMode.HALF_UP);
        return number.format(value);
    }
}
