package io.b2bportal.ordering;

import java.math.BigDecimal;

/**
 * An order was placed (or passed approval): documents issue the invoice, CRM logs it. Published after commit through the event publication registry; carries ids and snapshot values only.
 */
public record OrderPlaced(long orderId, String number, long companyId, long legalEntityId, String currency, BigDecimal net,
        BigDecimal vat, BigDecimal gross, String channel) {
}
