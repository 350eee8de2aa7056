package io.b2bportal.payments.reports;

/**
 * The receivables aging buckets, by days past the due date: not yet due (or due today), 1–30, 31–60, 61–90 and more
 * than 90 days.
 */
public enum AgingBucket {
    CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, DAYS_90_PLUS;

    public static AgingBucket of(long daysPastDue) {
        if (daysPastDue <= 0) {
            return CURRENT;
        }
        if (daysPastDue <= 30) {
            return DAYS_1_30;
        }
        if (daysPastDue <= 60) {
            return DAYS_31_60;
        }
        return daysPastDue <= 90 ? DAYS_61_90 : DAYS_90_PLUS;
    }
}
