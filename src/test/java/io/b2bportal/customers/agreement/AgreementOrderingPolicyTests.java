package io.b2bportal.customers.agreement;

import org.junit.jupiter.api.Test;

import static io.b2bportal.customers.agreement.OrderingPolicyFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may order: approved entities, and (unless switched off) only with the current agreement accepted. */
class AgreementOrderingPolicyTests {

    @Test
    void anApprovedEntityThatAcceptedTheCurrentAgreementMayOrder() {
        assertThat(REQUIRING_AGREEMENT.whyCannotOrder(approvedAndAccepted())).isEmpty();
    }

    @Test
    void rejectsAnEntityThatHasNotAcceptedTheCurrentAgreement() {
        assertThat(REQUIRING_AGREEMENT.whyCannotOrder(approvedWithoutAcceptance())).contains(OrderingPolicy.NOT_ACCEPTED);
    }

    @Test
    void rejectsAPendingEntityWhateverItsAgreement() {
        assertThat(REQUIRING_AGREEMENT.whyCannotOrder(pending())).contains(OrderingPolicy.PENDING);
        assertThat(NOT_REQUIRING_AGREEMENT.whyCannotOrder(pending())).contains(OrderingPolicy.PENDING);
    }

    @Test
    void rejectsARejectedEntity() {
        assertThat(NOT_REQUIRING_AGREEMENT.whyCannotOrder(rejected())).contains(OrderingPolicy.REJECTED);
    }

    @Test
    void rejectsOrdersWhileNoAgreementIsPublished() {
        assertThat(REQUIRING_AGREEMENT.whyCannotOrder(approvedWithNoAgreementPublished()))
                .contains(OrderingPolicy.NO_AGREEMENT);
    }

    @Test
    void withoutTheRequirementAnApprovedEntityMayOrderUnaccepted() {
        assertThat(NOT_REQUIRING_AGREEMENT.whyCannotOrder(approvedWithoutAcceptance())).isEmpty();
        assertThat(NOT_REQUIRING_AGREEMENT.whyCannotOrder(approvedWithNoAgreementPublished())).isEmpty();
    }
}
