package io.b2bportal.pricing;

import io.b2bportal.pricing.PriceExplanation.ExplanationStep;
import io.b2bportal.pricing.engine.Label;
import io.b2bportal.pricing.engine.Step;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders explanation steps in the reader's language from the bundle {@code i18n/pricing}: amounts with the
 * currency sign (kopecks always shown, list prices with up to four decimals as stored), dates in Moscow time.
 */
@Component
class ExplanationText {

    static final ZoneId SELLER_ZONE = PromotionBadge.SELLER_ZONE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final MessageSource messages;

    ExplanationText(MessageSource messages) {
        this.messages = messages;
    }

    List<ExplanationStep> render(List<Step> steps, Locale locale) {
        return steps.stream().map(step -> new ExplanationStep(
                step.messageKey().substring("pricing.step.".length()), step.forBuyer(),
                messages.getMessage(step.messageKey(), step.args().stream().map(a -> format(a, locale)).toArray(),
                        step.messageKey(), locale)))
                .toList();
    }

    private String format(Object arg, Locale locale) {
        return switch (arg) {
            case Money money -> money(money, locale);
            case BigDecimal number -> number(number, locale);
            case Label label -> label.in(locale);
            // promotions end at an exclusive instant: the reader is shown the last day they run
            case Instant instant -> DATE.format(instant.minusNanos(1).atZone(SELLER_ZONE));
            case String text when text.matches("KOPECK|ROUBLE|TEN_ROUBLES|NINETY") ->
                    messages.getMessage("pricing.rounding." + text, null, text, locale);
            default -> String.valueOf(arg);
        };
    }

    static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(numberLocale(locale));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(4);
        format.setRoundingMode(RoundingMode.HALF_UP);
        String sign = Money.RUB.equals(money.currency()) ? "₽" : money.currency().getCurrencyCode();
        return format.format(money.amount()).replace('-', '\u2212') + "\u00a0" + sign;
    }

    static String number(BigDecimal number, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(numberLocale(locale));
        format.setMaximumFractionDigits(4);
        // a typographic minus: "−10 %" reads as an adjustment, "-10 %" as a hyphen
        return format.format(number.stripTrailingZeros()).replace('-', '\u2212');
    }

    private static Locale numberLocale(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
    }
}
