package io.b2bportal.claims.resolution;

import java.math.BigDecimal;
import java.util.List;

/**
 * Issues the credit note that settles an accepted claim (a price reduction is a credit note too): documents issues
 * it against the order's invoice and posts it to the ledger (Dr SALES_RETURNS net, Dr VAT vat / Cr RECEIVABLE).
 *
 * <p>Claims asks for a credit note only through this interface; {@link DocumentsCreditNoteIssuer} implements it
 * with {@code DocumentsApi.issueCreditNote(...)} in the caller's transaction, so the claim becomes RESOLVED in the
 * same commit as the credit note exists, or neither.
 */
public interface CreditNoteIssuer {

    /**
     * A line to credit: the order line and the accepted quantity at the order line's price.
     *
     * @param unitNet   the order line's price per unit without VAT
     * @param unitGross the order line's price per unit with VAT
     */
    record CreditLine(long orderLineId, int lineNo, long productId, String sku, String name, BigDecimal quantity,
            BigDecimal unitNet, BigDecimal unitGross, String vatRate) {
    }

    /**
     * What to credit.
     *
     * @param reference the claim's number, printed on the credit note as its reason
     * @param amount    for a price reduction: the gross amount agreed; null to credit the lines in full
     */
    record CreditNoteRequest(long claimId, String reference, long orderId, long legalEntityId, long actorId,
            List<CreditLine> lines, BigDecimal amount) {
    }

    /** The credit note issued: its document id and printed number (КР-2026-00001). */
    record IssuedCreditNote(long documentId, String number) {
    }

    IssuedCreditNote issue(CreditNoteRequest request);
}
