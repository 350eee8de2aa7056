package io.b2bportal.payments.reports.web;

import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A report or statement period from query parameters (yyyy-MM-dd); a blank one defaults, a malformed one is a 400. */
record Period(LocalDate from, LocalDate to) {

    static Period of(String from, String to, int defaultDays) {
        LocalDate end = day(to, "to");
        LocalDate start = day(from, "from");
        end = end != null ? end : BusinessDate.today();
        start = start != null ? start : end.minusDays(defaultDays);
        return new Period(start, end);
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(400, "bad-date", "finance.bad-date-field", field, text.strip());
        }
    }
}
