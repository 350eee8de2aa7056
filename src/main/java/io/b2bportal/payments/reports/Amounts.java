package io.b2bportal.payments.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Roubles as the portal prints them (1 234,50 ₽ in Russian, 1,234.50 ₽ in English), for mails and chart labels. */
public final class Amounts {

    private Amounts() {
    }

    public static String rub(BigDecimal amount, Locale locale) {
        Locale withCountry = "ru".equals(locale.getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
        NumberFormat number = NumberFormat.getNumberInstance(withCountry);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        number.setRoundingMode(RoundingMode.HALF_UP);
        return number.format(amount) + "\u00a0₽";
    }
}
