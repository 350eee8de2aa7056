package io.b2bportal.payments.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Which reminder an unpaid invoice is due for on a day: {@code due-soon} from {@code daysBefore} days before its due
 * date (only for an invoice issued earlier than that, so a prepayment invoice due in three days is not "reminded" the
 * day it is issued), {@code overdue-0} from its first day overdue, {@code overdue-1} a {@code repeatDays} later, and so
 * on while it stays unpaid. Each stage is sent once (the table of sent reminders says which were).
 */
public record ReminderStage(int daysBefore, int repeatDays) {

    public ReminderStage {
        if (daysBefore < 0 || repeatDays < 1) {
            throw new IllegalArgumentException("portal.reminders: days-before >= 0 and repeat-days >= 1");
        }
    }

    public static final String DUE_SOON = "due-soon";

    public Optional<String> on(LocalDate issuedOn, LocalDate dueOn, LocalDate today) {
        if (dueOn == null) {
            return Optional.empty();
        }
        long late = ChronoUnit.DAYS.between(dueOn, today);
        if (late >= 1) {
            return Optional.of("overdue-" + (late - 1) / repeatDays);
        }
        LocalDate remindFrom = dueOn.minusDays(daysBefore);
        if (daysBefore > 0 && !today.isBefore(remindFrom) && issuedOn.isBefore(remindFrom)) {
            return Optional.of(DUE_SOON);
        }
        return Optional.empty();
    }

    public static boolean overdue(String stage) {
        return stage.startsWith("overdue-");
    }
}
