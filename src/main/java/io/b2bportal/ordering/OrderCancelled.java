package io.b2bportal.ordering;

import java.math.BigDecimal;

/**
 * An order was cancelled, by the buyer before confirmation or by staff with a reason; its reservations are released. Published after commit through the event publication registry; carries ids and snapshot values only.
 */
public record OrderCancelled(long orderId, String number, long companyId, long legalEntityId, String currency, BigDecimal net,
        BigDecimal vat, BigDecimal gross, String reason) {
}
