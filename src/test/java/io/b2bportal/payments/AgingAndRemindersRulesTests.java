package io.b2bportal.payments;

import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.payments.credit.HoldPolicy;
import io.b2bportal.payments.reminders.ReminderStage;
import io.b2bportal.payments.reports.AgingBucket;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance rules in plain Java: aging buckets at their boundaries, reminder stages, the hold policy. */
class AgingAndRemindersRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @ParameterizedTest
    @CsvSource({ "-3, CURRENT", "0, CURRENT", "1, DAYS_1_30", "30, DAYS_1_30", "31, DAYS_31_60", "60, DAYS_31_60",
        "61, DAYS_61_90", "90, DAYS_61_90", "91, DAYS_90_PLUS", "400, DAYS_90_PLUS" })
    void agingBucketsSplitAtTheirBoundaries(long daysPastDue, AgingBucket bucket) {
        assertThat(AgingBucket.of(daysPastDue)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @CsvSource({
        // issued, due, today -> stage ("" = none)
        "2026-10-01, 2026-10-31, 2026-10-27, ''",
        "2026-10-01, 2026-10-31, 2026-10-28, due-soon",
        "2026-10-01, 2026-10-31, 2026-10-31, due-soon",
        "2026-10-01, 2026-10-31, 2026-11-01, overdue-0",
        "2026-10-01, 2026-10-31, 2026-11-07, overdue-0",
        "2026-10-01, 2026-10-31, 2026-11-08, overdue-1",
        "2026-10-01, 2026-10-31, 2026-11-15, overdue-2",
        // a prepayment invoice due three days after issue is not "reminded" on the day it is issued
        "2026-10-28, 2026-10-31, 2026-10-28, ''",
        "2026-10-28, 2026-10-31, 2026-11-01, overdue-0" })
    void remindersComeBeforeTheDueDateOnTheFirstDayOverdueAndWeeklyAfter(LocalDate issued, LocalDate due,
            LocalDate today, String stage) {
        assertThat(new ReminderStage(3, 7).on(issued, due, today).orElse("")).isEqualTo(stage);
    }

    private static InvoiceRef invoice(long id, String terms, LocalDate due, String outstanding) {
        BigDecimal left = new BigDecimal(outstanding);
        InvoiceStatus status = left.signum() <= 0 ? InvoiceStatus.PAID
                : TODAY.isAfter(due) ? InvoiceStatus.OVERDUE : InvoiceStatus.ISSUED;
        return new InvoiceRef(id, "СЧ-2026-" + id, 1, due.minusDays(30), due, 1, 1, "ООО", "7700000000", null, null,
                terms, "RUB", new BigDecimal("100.00"), left, status);
    }

    @Test
    void theHoldPolicyCountsDeferralInvoicesPastTheLimitThatNoReleaseCovers() {
        HoldPolicy policy = new HoldPolicy(5);
        List<InvoiceRef> open = List.of(
                invoice(1, "DEFERRAL", TODAY.minusDays(5), "100.00"),
                invoice(2, "DEFERRAL", TODAY.minusDays(6), "40.00"),
                invoice(3, "PREPAYMENT", TODAY.minusDays(20), "100.00"),
                invoice(4, "DEFERRAL", TODAY.minusDays(9), "60.00"));

        Optional<HoldPolicy.Reason> reason = policy.evaluate(open, TODAY, Set.of());
        assertThat(reason).isPresent();
        assertThat(reason.get().invoiceIds()).containsExactly(4L, 2L);
        assertThat(reason.get().overdue()).isEqualByComparingTo("100.00");
        assertThat(reason.get().oldestDueOn()).isEqualTo(TODAY.minusDays(9));

        assertThat(policy.evaluate(open, TODAY, Set.of(2L, 4L))).isEmpty();
        assertThat(policy.evaluate(open.subList(0, 1), TODAY, Set.of())).isEmpty();
    }
}
