package io.b2bportal.documents;

import java.math.BigDecimal;

/**
 * An invoice stopped being payable: its order was cancelled ({@code replacedBy} null) or a corrected version replaced
 * it. What had been paid on it moved to the new version or became the legal entity's advance.
 */
public record InvoiceCancelled(long invoiceId, String number, long companyId, long legalEntityId, Long orderId,
        BigDecimal gross, Long replacedBy) {
}
