package io.b2bportal.crm.timeline;

import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Helpers of the timeline listeners: when something happened at the source, and how an amount reads in a message.
 * A listener runs after the source's transaction commits (the demo seeds a month of history in one transaction),
 * so the time is always read from the source, never taken from the clock when the listener runs.
 */
final class SourceTime {

    private SourceTime() {
    }

    /** The source's time, or, when the source has none (it vanished), the given fallback. */
    static Instant or(Optional<Instant> source, Instant fallback) {
        return source.orElse(fallback);
    }

    /**
     * A business day (paid on, due on) at the time of day something was recorded (Moscow): the recorded moment
     * itself when it falls on that day, else that day at the same time of day (noon without a recorded moment).
     */
    static Instant onDay(LocalDate day, Optional<Instant> recorded) {
        if (day == null) {
            return recorded.orElseGet(Instant::now);
        }
        LocalTime time = recorded.map(r -> r.atZone(BusinessDate.ZONE).toLocalTime()).orElse(LocalTime.NOON);
        if (recorded.isPresent() && recorded.get().atZone(BusinessDate.ZONE).toLocalDate().equals(day)) {
            return recorded.get();
        }
        return day.atTime(time).atZone(BusinessDate.ZONE).toInstant();
    }

    /** "12 345,60 ₽" (RUB) or "1 000,00 EUR": amounts in messages, rounded half up to kopecks. */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        String number = new DecimalFormat("#,##0.00", symbols).format(amount.setScale(2, RoundingMode.HALF_UP));
        return number + ("RUB".equals(currency) || currency == null ? "\u00a0₽" : "\u00a0" + currency);
    }
}
