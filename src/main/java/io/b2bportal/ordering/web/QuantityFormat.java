package io.b2bportal.ordering.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Quantities and amounts for ordering templates, as {@code ${@qty.format(q)}}: digits grouped the locale's way, no
 * trailing zeros ({@code 1 000}, {@code 2,5} in Russian; {@code 1,000}, {@code 2.5} in English); {@code input(q)}
 * gives the plain value for an input field. Money goes through the platform's {@code @money}.
 */
@Component("qty")
public class QuantityFormat {

    public String format(BigDecimal quantity) {
        if (quantity == null) {
            return "";
        }
        Locale locale = "ru".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(3);
        return number.format(quantity);
    }

    public String input(BigDecimal quantity) {
        return quantity == null ? "" : io.b2bportal.ordering.cart.QuantityPolicy.plain(quantity);
    }
}
