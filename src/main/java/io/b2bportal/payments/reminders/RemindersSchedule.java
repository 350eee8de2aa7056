package io.b2bportal.payments.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the payment reminders due every {@code portal.reminders.interval} (first after
 * {@code portal.reminders.initial-delay}), on every node (each reminder is claimed once in the database). Off with
 * {@code portal.reminders.scheduled=false} (the tests run {@link Reminders} themselves).
 */
@Component
@ConditionalOnProperty(name = "portal.reminders.scheduled", havingValue = "true", matchIfMissing = true)
class RemindersSchedule {

    private static final Logger log = LoggerFactory.getLogger(RemindersSchedule.class);

    private final Reminders reminders;

    RemindersSchedule(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${portal.reminders.interval:1h}",
            initialDelayString = "${portal.reminders.initial-delay:3m}")
    void run() {
        try {
            reminders.run();
        } catch (RuntimeException e) {
            log.warn("Reminders: a run stopped early; the next one goes on", e);
        }
    }
}
