package io.b2bportal.ordering.order;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Whether a new order waits for the customer's approver (status AWAITING_APPROVAL) instead of being placed at once.
 * The one place approvals plug in: per-buyer limits per order and per month belong here. Today no order needs one.
 */
@Component
public class ApprovalPolicy {

    /** @param placedBy the user who checks out; {@code gross} the order's total with VAT */
    public boolean needsApproval(long placedBy, long legalEntityId, Channel channel, BigDecimal gross) {
        return false;
    }
}
