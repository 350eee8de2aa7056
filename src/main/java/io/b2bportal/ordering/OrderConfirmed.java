package io.b2bportal.ordering;

import java.math.BigDecimal;

/**
 * The seller confirmed an order. Published after commit through the event publication registry; carries ids and snapshot values only.
 */
public record OrderConfirmed(long orderId, String number, long companyId, long legalEntityId, String currency, BigDecimal net,
        BigDecimal vat, BigDecimal gross) {
}
