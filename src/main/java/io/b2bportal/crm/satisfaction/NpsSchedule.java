package io.b2bportal.crm.satisfaction;

import io.b2bportal.shared.BusinessDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the NPS question of the current period every few hours: the first run of a period asks every customer
 * administrator, later runs ask only those added since (once per user and period, {@link Surveys#askNps}).
 * Off with {@code portal.scheduling.enabled=false}; tests call {@link Surveys#askNps} themselves.
 */
@Component
@ConditionalOnProperty(name = "portal.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class NpsSchedule {

    private final Surveys surveys;

    NpsSchedule(Surveys surveys) {
        this.surveys = surveys;
    }

    @Scheduled(fixedDelayString = "${portal.crm.nps-check-interval:6h}", initialDelayString = "${portal.crm.nps-initial-delay:5m}")
    void run() {
        surveys.askNps(BusinessDate.today());
    }
}
