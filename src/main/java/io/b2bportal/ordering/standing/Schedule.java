package io.b2bportal.ordering.standing;

import io.b2bportal.shared.DomainException;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When a standing order repeats: every week on a weekday, or every month on a day from 1 to 28 (so that every month
 * has it; "the 31st" would silently move in February).
 */
public record Schedule(Frequency frequency, Integer dayOfWeek, Integer dayOfMonth) {

    public enum Frequency { WEEKLY, MONTHLY }

    public Schedule {
        if (frequency == null) {
            throw DomainException.invalid("bad-schedule", "standing.refused.frequency");
        }
        if (frequency == Frequency.WEEKLY) {
            if (dayOfWeek == null || dayOfWeek < 1 || dayOfWeek > 7) {
                throw DomainException.invalid("bad-schedule", "standing.refused.day-of-week");
            }
            dayOfMonth = null;
        } else {
            if (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 28) {
                throw DomainException.invalid("bad-schedule", "standing.refused.day-of-month");
            }
            dayOfWeek = null;
        }
    }

    public static Schedule weekly(DayOfWeek day) {
        return new Schedule(Frequency.WEEKLY, day.getValue(), null);
    }

    public static Schedule monthly(int day) {
        return new Schedule(Frequency.MONTHLY, null, day);
    }

    /** The first date of the schedule strictly after {@code date}. */
    public LocalDate after(LocalDate date) {
        if (frequency == Frequency.WEEKLY) {
            int ahead = Math.floorMod(dayOfWeek - date.getDayOfWeek().getValue(), 7);
            return date.plusDays(ahead == 0 ? 7 : ahead);
        }
        LocalDate inThisMonth = date.withDayOfMonth(dayOfMonth);
        return inThisMonth.isAfter(date) ? inThisMonth : inThisMonth.plusMonths(1);
    }

    /** The first date of the schedule on or after {@code date}. */
    public LocalDate onOrAfter(LocalDate date) {
        return after(date.minusDays(1));
    }
}
