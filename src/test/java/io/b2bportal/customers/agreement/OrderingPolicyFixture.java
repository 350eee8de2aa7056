package io.b2bportal.customers.agreement;

import io.b2bportal.customers.agreement.OrderingPolicy.Standing;

/** Legal entities in every standing the ordering rule distinguishes, so each rule test is one line. */
final class OrderingPolicyFixture {

    static final OrderingPolicy REQUIRING_AGREEMENT = new OrderingPolicy(true);
    static final OrderingPolicy NOT_REQUIRING_AGREEMENT = new OrderingPolicy(false);

    private OrderingPolicyFixture() {
    }

    static Standing pending() {
        return new Standing("PENDING", 1, false);
    }

    static Standing rejected() {
        return new Standing("REJECTED", 1, false);
    }

    static Standing approvedWithoutAcceptance() {
        return new Standing("APPROVED", 2, false);
    }

    static Standing approvedAndAccepted() {
        return new Standing("APPROVED", 2, true);
    }

    static Standing approvedWithNoAgreementPublished() {
        return new Standing("APPROVED", null, false);
    }
}
