package io.b2bportal.pricing.admin.web;

import io.b2bportal.pricing.admin.Promotions.View;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs when, laid out for a CSS grid: one column per day of a few months, one row per promotion with a bar from
 * its first to its last day (cut at the edges of the window), today marked. Column 1 holds the names; day {@code d}
 * of the window is column {@code d + 2}; rows 1 and 2 are the month and day headers.
 */
public record Timeline(YearMonth first, int months, List<Day> days, List<Month> monthHeads, List<Bar> bars, Integer todayColumn) {

    public record Day(LocalDate date, int column, boolean weekend, boolean today) {

        /** Numbers on the 1st, on Mondays and today only: three months of two-digit numbers do not fit. */
        public boolean labelled() {
            return today || date.getDayOfMonth() == 1 || date.getDayOfWeek() == DayOfWeek.MONDAY;
        }
    }

    public record Month(YearMonth month, int column, int span) {
    }

    /** A promotion's bar: grid columns [start, end) on its row. */
    public record Bar(View promotion, int row, int start, int end, boolean clippedStart, boolean clippedEnd) {

        public String gridColumn() {
            return start + " / " + end;
        }
    }

    static Timeline of(YearMonth first, int months, List<View> promotions, ZoneId zone, LocalDate today) {
        LocalDate from = first.atDay(1);
        LocalDate to = first.plusMonths(months).atDay(1);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            days.add(new Day(d, column(from, d), d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.getDayOfWeek() == DayOfWeek.SUNDAY, d.equals(today)));
        }
        List<Month> heads = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            heads.add(new Month(month, column(from, month.atDay(1)), month.lengthOfMonth()));
        }
        List<Bar> bars = new ArrayList<>();
        for (View p : promotions) {
            LocalDate start = p.startsAt().atZoneSameInstant(zone).toLocalDate();
            // the window ends at ends_at, exclusive: a promotion ending at midnight does not show on the next day
            LocalDate last = p.endsAt().minusNanos(1).atZoneSameInstant(zone).toLocalDate();
            if (last.isBefore(from) || !start.isBefore(to)) {
                continue;
            }
            LocalDate shownStart = start.isBefore(from) ? from : start;
            LocalDate shownLast = last.isBefore(to) ? last : to.minusDays(1);
            bars.add(new Bar(p, bars.size() + 3, column(from, shownStart), column(from, shownLast) + 1,
                    start.isBefore(from), !last.isBefore(to)));
        }
        Integer todayColumn = !today.isBefore(from) && today.isBefore(to) ? column(from, today) : null;
        return new Timeline(first, months, days, heads, bars, todayColumn);
    }

    public int rows() {
        return bars.size() + 2;
    }

    public String gridTemplate() {
        return "grid-template-columns: minmax(180px, 260px) repeat(" + days.size() + ", minmax(14px, 1fr));";
    }

    private static int column(LocalDate from, LocalDate day) {
        return (int) ChronoUnit.DAYS.between(from, day) + 2;
    }
}
