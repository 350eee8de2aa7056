package io.b2bportal.platform.web;

import io.b2bportal.shared.Money;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats money for the current locale, for templates as {@code ${@money.format(price)}}:
 * {@code 1 234,50 ₽} in Russian, {@code 1,234.50 ₽} in English.
 */
@Component("money")
public class MoneyFormat {

    public String format(Money money) {
        return money == null ? "" : format(money, LocaleContextHolder.getLocale());
    }

    /** Digits grouped the locale's way, then the currency sign: the same shape in both languages. */
    public static String format(Money money, Locale locale) {
        Locale withCountry = "ru".equals(locale.getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
        NumberFormat number = NumberFormat.getNumberInstance(withCountry);
        int digits = money.currency().getDefaultFractionDigits();
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        number.setRoundingMode(java.math.RoundingMode.HALF_UP);
        String sign = Money.RUB.equals(money.currency()) ? "₽" : money.currency().getSymbol(withCountry);
        return number.format(money.rounded().amount()) + "\u00a0" + sign;
    }
}
