package io.b2bportal.customers.agreement;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a legal entity may place orders now: the seller must have approved it and, unless the portal is set
 * up otherwise ({@code portal.customers.require-accepted-agreement}), it must have accepted the current version
 * of the supply agreement. Says why not as a message key of the {@code i18n/customers-agreement} bundle.
 */
@Component
public class OrderingPolicy {

    public static final String UNKNOWN_ENTITY = "customers.agreement.order.unknown";
    public static final String PENDING = "customers.agreement.order.pending";
    public static final String REJECTED = "customers.agreement.order.rejected";
    public static final String NO_AGREEMENT = "customers.agreement.order.no-agreement";
    public static final String NOT_ACCEPTED = "customers.agreement.order.not-accepted";

    private final boolean requireAcceptedAgreement;

    public OrderingPolicy(@Value("${portal.customers.require-accepted-agreement:true}") boolean requireAcceptedAgreement) {
        this.requireAcceptedAgreement = requireAcceptedAgreement;
    }

    /**
     * Where a legal entity stands.
     *
     * @param entityStatus    PENDING, APPROVED or REJECTED
     * @param currentVersion  the current agreement version; null while none is published
     * @param acceptedCurrent whether the entity has accepted that version
     */
    public record Standing(String entityStatus, Integer currentVersion, boolean acceptedCurrent) {
    }

    public boolean requiresAcceptedAgreement() {
        return requireAcceptedAgreement;
    }

    /** Empty when the entity may order; otherwise the message key of the first reason it may not. */
    public Optional<String> whyCannotOrder(Standing standing) {
        if ("PENDING".equals(standing.entityStatus())) {
            return Optional.of(PENDING);
        }
        if (!"APPROVED".equals(standing.entityStatus())) {
            return Optional.of(REJECTED);
        }
        if (!requireAcceptedAgreement) {
            return Optional.empty();
        }
        if (standing.currentVersion() == null) {
            return Optional.of(NO_AGREEMENT);
        }
        return standing.acceptedCurrent() ? Optional.empty() : Optional.of(NOT_ACCEPTED);
    }
}
