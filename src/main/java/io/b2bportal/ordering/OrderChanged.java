package io.b2bportal.ordering;

import java.math.BigDecimal;

/**
 * The lines of a placed or waiting order changed (quantities lowered, lines removed) before confirmation: documents
 * correct the invoice. {@code status} is where the order stands after the change (a buyer's change to an approved
 * order sends it back to AWAITING_APPROVAL). Published inside the changing transaction; carries ids and snapshot
 * values only.
 */
public record OrderChanged(long orderId, String number, long companyId, long legalEntityId, String currency,
        BigDecimal net, BigDecimal vat, BigDecimal gross, String status) {
}
