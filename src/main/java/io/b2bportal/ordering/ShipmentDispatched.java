package io.b2bportal.ordering;

import java.math.BigDecimal;

/**
 * Goods of an order left the warehouse (a partial or the last shipment); {@code shipment} numbers it within the order. Published after commit through the event publication registry; carries ids and snapshot values only.
 */
public record ShipmentDispatched(long orderId, String number, long companyId, long legalEntityId, String currency, BigDecimal net,
        BigDecimal vat, BigDecimal gross, int shipment) {
}
