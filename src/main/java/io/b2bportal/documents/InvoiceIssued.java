package io.b2bportal.documents;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice (or a new version of one) was issued for an order. Published inside the issuing transaction; listeners
 * of other modules run after commit. Payments apply a waiting advance; CRM logs it.
 */
public record InvoiceIssued(long invoiceId, String number, int version, long companyId, long legalEntityId,
        Long orderId, String currency, BigDecimal gross, LocalDate dueOn, String paymentTerms) {
}
