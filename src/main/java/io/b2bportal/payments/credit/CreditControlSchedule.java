package io.b2bportal.payments.credit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs credit control over every legal entity every {@code portal.credit.check-interval} (first run after
 * {@code portal.credit.initial-delay}), on every node: evaluations of one entity are serialized in the database, so
 * running on two nodes at once only repeats work. Off with {@code portal.credit.scheduled=false} (the tests, which
 * evaluate their own legal entities).
 */
@Component
@ConditionalOnProperty(name = "portal.credit.scheduled", havingValue = "true", matchIfMissing = true)
class CreditControlSchedule {

    private static final Logger log = LoggerFactory.getLogger(CreditControlSchedule.class);

    private final CreditControl control;

    CreditControlSchedule(CreditControl control) {
        this.control = control;
    }

    @Scheduled(fixedDelayString = "${portal.credit.check-interval:10m}",
            initialDelayString = "${portal.credit.initial-delay:2m}")
    void run() {
        try {
            control.evaluateAll();
        } catch (RuntimeException e) {
            log.warn("Credit control: a run stopped early; the next one goes on", e);
        }
    }
}
