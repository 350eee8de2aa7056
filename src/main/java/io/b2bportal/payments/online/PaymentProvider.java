package io.b2bportal.payments.online;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An online payment provider (acquiring): the portal starts a payment and sends the buyer to the provider's page; the
 * provider calls the portal back (a webhook whose signature the provider verifies here) and answers status queries.
 * The sandbox is built in; a real provider is another bean implementing this, with its own {@link #name()} (the
 * webhook is {@code POST /api/v1/payments/webhook/{name}}).
 */
public interface PaymentProvider {

    String name();

    /** What to collect: the portal's payment id, for which invoice, how much, where to call back and return to. */
    record StartRequest(long paymentId, String invoiceNumber, BigDecimal amount, String currency, String description,
            String callbackUrl, String returnUrl) {
    }

    /** The provider's reference for the payment and the page to send the buyer to. */
    record Started(String providerRef, String redirectUrl) {
    }

    enum Outcome { PENDING, SUCCEEDED, DECLINED }

    /** A verified callback: which payment (provider's reference), what happened, for how much. */
    record Callback(String providerRef, Outcome outcome, BigDecimal amount, String currency) {
    }

    Started start(StartRequest request);

    /**
     * Verifies a callback's signature over its raw body and reads it; throws {@link ForgedCallbackException} when the
     * signature is missing or wrong (nothing may change then).
     */
    Callback verify(byte[] body, Map<String, String> headers);

    /** What the provider says of a payment now (for a callback that never came). */
    Outcome status(String providerRef);

    /** A callback that is not the provider's: a bad or missing signature, or an unreadable body. */
    class ForgedCallbackException extends RuntimeException {
        public ForgedCallbackException(String message) {
            super(message);
        }
    }
}
