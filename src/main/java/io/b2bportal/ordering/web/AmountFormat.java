package io.b2bportal.ordering.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Order amounts in templates ({@code @amount.format(amount, currency)}), in the same shape as the layout's money
 * format: digits grouped the locale's way, two decimals, then the currency sign.
 */
@Component("amount")
public class AmountFormat {

    public String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Locale locale = "ru".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        number.setRoundingMode(RoundingMode.HALF_UP);
        String sign = "RUB".equals(currency) ? "₽" : Currency.getInstance(currency).getSymbol(locale);
        return number.format(amount) + "\u00a0" + sign;
    }
}
