package io.b2bportal.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The business day documents and postings are dated with: today in Moscow, the seller's time zone. Demo seeding
 * replays months of history and runs each step {@link #asOf(LocalDate, Supplier) as of} the day it pretends to
 * happen on, so an invoice of an order placed "40 days ago" is dated then and can be overdue now. Only the thread
 * that asked sees the other day; nothing else in the portal sets it.
 */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private static final ThreadLocal<LocalDate> AS_OF = new ThreadLocal<>();

    private BusinessDate() {
    }

    public static LocalDate today() {
        LocalDate day = AS_OF.get();
        return day != null ? day : LocalDate.now(ZONE);
    }

    /** Runs the work with {@link #today()} answering {@code day} on this thread, then puts the real day back. */
    public static <T> T asOf(LocalDate day, Supplier<T> work) {
        LocalDate before = AS_OF.get();
        AS_OF.set(day);
        try {
            return work.get();
        } finally {
            if (before == null) {
                AS_OF.remove();
            } else {
                AS_OF.set(before);
            }
        }
    }
}
