package io.b2bportal.ordering.web;

import io.b2bportal.ordering.standing.Schedule;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the schedule fields of the standing-order form and API the same way. */
final class StandingOrderForms {

    private StandingOrderForms() {
    }

    static Schedule schedule(String frequency, Integer dayOfWeek, Integer dayOfMonth) {
        if (frequency == null || frequency.isBlank()) {
            return null;
        }
        Schedule.Frequency parsed;
        try {
            parsed = Schedule.Frequency.valueOf(frequency.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("bad-schedule", "standing.refused.frequency");
        }
        return new Schedule(parsed, dayOfWeek, dayOfMonth);
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("bad-schedule", "standing.refused.date", text);
        }
    }

    static BigDecimal percent(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("bad-standing-order", "standing.refused.max-rise");
        }
    }
}
