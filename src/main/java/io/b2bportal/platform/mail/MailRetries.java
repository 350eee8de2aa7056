package io.b2bportal.platform.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before trying a mail again that the SMTP server did not take: the first delay, doubled
 * after every further failure, until the last attempt. With 8 attempts from one minute, a mail survives
 * an SMTP outage of two hours.
 */
record MailRetries(int maxAttempts, Duration firstDelay) {

    MailRetries {
        if (maxAttempts < 1 || firstDelay.isNegative()) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more and firstDelay not negative");
        }
    }

    /** The wait after the given number of failed attempts, or empty when that was the last one. */
    Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(firstDelay.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20)));
    }
}
