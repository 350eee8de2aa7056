package io.b2bportal.claims.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A claim as the buyer files it.
 *
 * @param lines quantity claimed by order line number
 */
public record NewClaim(long orderId, ClaimType type, Remedy remedy, BigDecimal compensation, String description,
        Map<Integer, BigDecimal> lines, List<Upload> files) {
}
