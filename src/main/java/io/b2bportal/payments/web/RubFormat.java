package io.b2bportal.payments.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Amounts in roubles on the payment pages ({@code ${@rub.format(amount)}}), in the same shape as the platform's money
 * format: digits grouped the locale's way, two decimals, then the sign.
 */
@Component("rub")
class RubFormat {

    public String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        Locale locale = "ru".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        number.setRoundingMode(RoundingMode.HALF_UP);
        return number.format(amount) + "\u00a0₽";
    }
}
