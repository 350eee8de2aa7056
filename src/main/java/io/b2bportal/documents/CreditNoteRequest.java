package io.b2bportal.documents;

import java.math.BigDecimal;
import java.util.List;

/**
 * A credit note to issue to a legal entity (from a claim, or by a seller accountant by hand): either lines, or one
 * amount with its VAT rate; amounts include VAT.
 *
 * @param invoiceId the invoice it corrects, if any: what it credits settles that invoice first (up to what is left of
 *                  it), the rest becomes the legal entity's advance
 * @param vatRate   "22", "10", "0" or "EXEMPT" (for {@code amount}; each line has its own)
 * @param actorId   who issues it (null: the portal)
 */
public record CreditNoteRequest(long legalEntityId, Long invoiceId, List<Line> lines, BigDecimal amount,
        String vatRate, String reason, Long actorId) {

    /** A credited line: what, how many, at what price per unit with VAT. */
    public record Line(String sku, String name, BigDecimal quantity, BigDecimal unitGross, String vatRate) {
    }

    public static CreditNoteRequest ofAmount(long legalEntityId, Long invoiceId, BigDecimal amount, String vatRate,
            String reason, Long actorId) {
        return new CreditNoteRequest(legalEntityId, invoiceId, List.of(), amount, vatRate, reason, actorId);
    }
}
