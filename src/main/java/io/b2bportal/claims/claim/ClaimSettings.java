package io.b2bportal.claims.claim;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The claims SLA: the seller answers a new claim within {@code portal.claims.response-hours} (a member of staff takes
 * it into review or writes in the thread) and resolves it within {@code portal.claims.resolution-days}, both counted
 * from when the claim was opened and fixed then.
 */
@Component
public class ClaimSettings {

    private final Duration response;
    private final Duration resolution;

    ClaimSettings(@Value("${portal.claims.response-hours:24}") int responseHours,
            @Value("${portal.claims.resolution-days:10}") int resolutionDays) {
        this.response = Duration.ofHours(responseHours);
        this.resolution = Duration.ofDays(resolutionDays);
    }

    public OffsetDateTime responseDue(OffsetDateTime openedAt) {
        return openedAt.plus(response);
    }

    public OffsetDateTime resolutionDue(OffsetDateTime openedAt) {
        return openedAt.plus(resolution);
    }

    public long responseHours() {
        return response.toHours();
    }

    public long resolutionDays() {
        return resolution.toDays();
    }
}
