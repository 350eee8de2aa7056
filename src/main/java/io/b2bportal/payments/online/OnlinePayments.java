package io.b2bportal.payments.online;

import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.payments.payment.NewPayment;
import io.b2bportal.payments.payment.PaymentSource;
import io.b2bportal.payments.payment.PaymentStatus;
import io.b2bportal.payments.payment.Payments;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online payment of an invoice: the buyer starts it (a PENDING payment of what is left to pay), the provider's page
 * takes the money, the provider's verified callback posts it like any other payment (source ONLINE; a prepaid order
 * is confirmed) or declines it. A callback for a payment that is no longer pending (a replay) changes nothing.
 */
@Service
public class OnlinePayments {

    private static final Logger LOG = LoggerFactory.getLogger(OnlinePayments.class);

    private final Map<String, PaymentProvider> providers;
    private final Payments payments;
    private final Allocations allocations;
    private final DocumentsApi documents;
    private final JdbcClient jdbc;

    OnlinePayments(List<PaymentProvider> providers, Payments payments, Allocations allocations, DocumentsApi documents,
            JdbcClient jdbc) {
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
        this.payments = payments;
        this.allocations = allocations;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    public record Started(long paymentId, String redirectUrl) {
    }

    /**
     * Starts paying an open invoice of one of {@code entityIds} (a buyer's legal entities; any other invoice is not
     * found) for what is left to pay of it.
     */
    @Transactional
    public Started start(long invoiceId, Collection<Long> entityIds, long userId, String baseUrl) {
        InvoiceRef invoice = documents.invoice(invoiceId).filter(i -> entityIds.contains(i.legalEntityId()))
                .orElseThrow(() -> DomainException.notFound("invoice", invoiceId));
        if (!invoice.status().open() || invoice.outstanding().signum() <= 0) {
            throw DomainException.conflict("invoice-not-open", "payments.refused.not-open", invoice.number());
        }
        PaymentProvider provider = providers.get(SandboxProvider.NAME);
        long id = payments.insert(new NewPayment(invoice.legalEntityId(), PaymentSource.ONLINE, PaymentStatus.PENDING,
                invoice.outstanding(), BusinessDate.today(), invoice.buyerInn(), invoice.buyerName(), null,
                "Оплата по счету " + invoice.number(), null, null, "online:" + UUID.randomUUID(), null,
                provider.name(), null, invoice.id(), userId, "payments.match.online", new String[] {invoice.number()}))
                .orElseThrow();
        PaymentProvider.Started started = provider.start(new PaymentProvider.StartRequest(id, invoice.number(),
                invoice.outstanding(), invoice.currency(), "Оплата по счету " + invoice.number(),
                baseUrl + "/api/v1/payments/webhook/" + provider.name(), baseUrl + "/payments/" + id));
        jdbc.sql("update payments.payment set provider_ref = :ref where id = :id")
                .param("ref", started.providerRef()).param("id", id).update();
        return new Started(id, started.redirectUrl());
    }

    /** What the webhook did with a callback. */
    public enum Result { POSTED, DECLINED, ALREADY_PROCESSED }

    /** A provider's callback: verified, then applied once. Throws for a forged one (nothing changes). */
    @Transactional
    public Result callback(String providerName, byte[] body, Map<String, String> headers) {
        PaymentProvider provider = providers.get(providerName);
        if (provider == null) {
            throw DomainException.notFound("payment-provider", providerName);
        }
        PaymentProvider.Callback callback = provider.verify(body, headers);
        return apply(provider, callback.providerRef(), callback.outcome(), callback);
    }

    /** Asks the provider about a payment still pending (its callback may be lost) and applies the answer. */
    @Transactional
    public void refresh(long paymentId) {
        record Ref(String provider, String providerRef, String status) {
        }
        jdbc.sql("select provider, provider_ref, status from payments.payment where id = :id")
                .param("id", paymentId).query(Ref.class).optional()
                .filter(r -> "PENDING".equals(r.status()) && r.provider() != null && r.providerRef() != null)
                .ifPresent(r -> {
                    PaymentProvider provider = providers.get(r.provider());
                    if (provider != null) {
                        apply(provider, r.providerRef(), provider.status(r.providerRef()), null);
                    }
                });
    }

    private Result apply(PaymentProvider provider, String ref, PaymentProvider.Outcome outcome,
            PaymentProvider.Callback callback) {
        record Row(long id, long legalEntityId, String status, java.math.BigDecimal amount, Long invoiceId) {
        }
        Row payment = jdbc.sql("""
                        select id, legal_entity_id, status, amount, invoice_id from payments.payment
                         where provider = :provider and provider_ref = :ref for update""")
                .param("provider", provider.name()).param("ref", ref).query(Row.class).optional()
                .orElseThrow(() -> new PaymentProvider.ForgedCallbackException("unknown payment " + ref));
        if (!"PENDING".equals(payment.status()) || outcome == PaymentProvider.Outcome.PENDING) {
            return Result.ALREADY_PROCESSED;
        }
        if (callback != null && callback.amount().compareTo(payment.amount()) != 0) {
            throw new PaymentProvider.ForgedCallbackException("amount " + callback.amount() + " is not the payment's "
                    + payment.amount());
        }
        if (outcome == PaymentProvider.Outcome.DECLINED) {
            payments.markDeclined(payment.id());
            LOG.info("Online payment {} declined", payment.id());
            return Result.DECLINED;
        }
        // the invoice may have been paid another way meanwhile: then the money is the entity's advance
        boolean stillOpen = payment.invoiceId() != null && documents.invoice(payment.invoiceId())
                .map(i -> i.status().open() && i.outstanding().signum() > 0).orElse(false);
        allocations.post(payment.id(), payment.legalEntityId(),
                stillOpen ? List.of(payment.invoiceId()) : List.of(), false, null);
        return Result.POSTED;
    }
}
