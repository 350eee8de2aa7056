package io.b2bportal.payments.payment;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments staff register by hand, and the review of unmatched ones: staff say whose money it is and which invoices
 * it pays, and it posts. Registration is idempotent per token (a form's hidden token, an API Idempotency-Key): the
 * same token twice records one payment.
 */
@Service("paymentRegistrations")
public class Registrations {

    /** More than any single bank transfer the portal expects; a typo guard, not a business limit. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final Payments payments;
    private final Allocations allocations;
    private final CustomersApi customers;

    Registrations(Payments payments, Allocations allocations, CustomersApi customers) {
        this.payments = payments;
        this.allocations = allocations;
        this.customers = customers;
    }

    /** Whether the replayed token met an existing payment. */
    public record Registered(long paymentId, boolean replayed) {
    }

    @Transactional
    public Registered register(ManualPayment form, String token, long userId) {
        LegalEntityRef entity = validate(form);
        String key = "manual:" + (token == null || token.isBlank() ? UUID.randomUUID().toString() : token.strip());
        if (key.length() > 200) {
            throw DomainException.invalid("bad-token", "payments.refused.token");
        }
        var id = payments.insert(new NewPayment(null, PaymentSource.MANUAL, PaymentStatus.UNMATCHED,
                form.amount(), form.receivedOn(), blank(form.payerInn()) ? entity.inn() : form.payerInn().strip(),
                blank(form.payerName()) ? entity.name() : form.payerName().strip(), null,
                blank(form.purpose()) ? null : form.purpose().strip(),
                blank(form.bankDocNumber()) ? null : form.bankDocNumber().strip(), form.bankDocDate(), key, null, null,
                null, null, userId, "payments.match.manual", null));
        if (id.isEmpty()) {
            return new Registered(payments.idByDedupeKey(key).orElseThrow(), true);
        }
        allocations.post(id.get(), entity.id(), form.invoiceIds() == null ? List.of() : form.invoiceIds(), false,
                userId);
        return new Registered(id.get(), false);
    }

    /**
     * Staff decide an unmatched payment: whose it is and which invoices it pays (none: the oldest open ones first),
     * or, for a posted payment, which invoices its advance pays now.
     */
    @Transactional
    public void allocate(long paymentId, Long legalEntityId, List<Long> invoiceIds, long userId) {
        PaymentView payment = payments.find(paymentId)
                .orElseThrow(() -> DomainException.notFound("payment", paymentId));
        List<Long> invoices = invoiceIds == null ? List.of() : invoiceIds;
        switch (payment.status()) {
            case UNMATCHED -> {
                long entity = legalEntityId != null ? legalEntityId : payment.legalEntityId() != null
                        ? payment.legalEntityId() : -1;
                if (entity < 0 || customers.legalEntity(entity).isEmpty()) {
                    throw DomainException.invalid("legal-entity-required", "payments.refused.entity");
                }
                allocations.post(paymentId, entity, invoices, invoices.isEmpty(), userId);
            }
            case POSTED -> {
                if (invoices.isEmpty()) {
                    throw DomainException.invalid("invoices-required", "payments.refused.invoices");
                }
                if (legalEntityId != null && !legalEntityId.equals(payment.legalEntityId())) {
                    throw DomainException.invalid("other-entity", "payments.refused.posted-entity");
                }
                BigDecimal left = payment.unapplied();
                for (Long invoice : invoices) {
                    if (left.signum() <= 0) {
                        break;
                    }
                    left = left.subtract(allocations.applyAdvance(payment.legalEntityId(), invoice, left, paymentId,
                            userId));
                }
                if (left.compareTo(payment.unapplied()) == 0) {
                    throw DomainException.invalid("nothing-applied", "payments.refused.nothing-applied");
                }
            }
            default -> throw DomainException.conflict("payment-not-allocatable", "payments.refused.not-allocatable",
                    paymentId, payment.status().name());
        }
    }

    private LegalEntityRef validate(ManualPayment form) {
        if (form.legalEntityId() == null) {
            throw DomainException.invalid("legal-entity-required", "payments.refused.entity");
        }
        LegalEntityRef entity = customers.legalEntity(form.legalEntityId())
                .orElseThrow(() -> DomainException.invalid("legal-entity-required", "payments.refused.entity"));
        BigDecimal amount = form.amount();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw DomainException.invalid("bad-amount", "payments.refused.amount");
        }
        if (form.receivedOn() == null || form.receivedOn().isAfter(BusinessDate.today())) {
            throw DomainException.invalid("bad-date", "payments.refused.date");
        }
        if (form.purpose() != null && form.purpose().length() > 1000) {
            throw DomainException.invalid("purpose-too-long", "payments.refused.purpose", 1000);
        }
        return entity;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
