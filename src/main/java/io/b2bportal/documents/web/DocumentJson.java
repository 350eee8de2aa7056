package io.b2bportal.documents.web;

import io.b2bportal.documents.query.DocumentView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A document as the API returns it. {@code status} is what lists show (an invoice's derived status: ISSUED,
 * PARTLY_PAID, PAID, OVERDUE, CANCELLED, SUPERSEDED; other kinds their own), {@code documentStatus} the stored one.
 * {@code lines} only in the detail. {@code pdfSha256} is null until the PDF is rendered (the first download does).
 */
record DocumentJson(long id, String kind, String number, int version, String status, String documentStatus,
        LocalDate issuedOn, LocalDate dueOn, long legalEntityId, String buyerName, String orderNumber,
        Integer shipmentNo, Long invoiceId, String invoiceNumber, String paymentTerms, String currency,
        BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross, BigDecimal outstanding, LocalDate periodFrom,
        LocalDate periodTo, Long replacesId, Long replacedById, String reason, String pdfSha256, String pdfEnSha256,
        List<DocumentView.Line> lines) {

    static DocumentJson of(DocumentView d, boolean withLines) {
        Object reason = d.details().get("reason");
        return new DocumentJson(d.id(), d.kind().name(), d.number(), d.version(), d.shownStatus(), d.status(),
                d.issuedOn(), d.dueOn(), d.legalEntityId(), (String) d.buyer().get("name"), d.orderNumber(),
                d.shipmentNo(), d.invoiceId(), d.invoiceNumber(), d.paymentTerms(), d.currency(), d.totalNet(),
                d.totalVat(), d.totalGross(), d.outstanding(), d.periodFrom(), d.periodTo(), d.replacesId(),
                d.replacedById(), reason == null ? null : reason.toString(), d.pdfSha256(), d.pdfEnSha256(),
                withLines ? d.lines() : null);
    }
}
