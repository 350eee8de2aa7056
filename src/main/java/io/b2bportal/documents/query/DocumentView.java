package io.b2bportal.documents.query;

import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One issued document as pages, the API and the PDF templates read it: the stored row with its lines, the parties'
 * requisites as they were on the day of issue, and (for an invoice) what is left to pay and the status that follows.
 *
 * @param replacedById the newer version that replaced this one, if any
 * @param invoiceStatus for invoices only: derived from the ledger and the due date; null for other kinds
 */
public record DocumentView(long id, DocumentKind kind, String number, int version, Long replacesId,
        Long replacedById, String status, LocalDate issuedOn, LocalDate dueOn, long legalEntityId, long companyId,
        Long orderId, String orderNumber, Integer shipmentNo, Long invoiceId, String invoiceNumber,
        String paymentTerms, String currency, BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross,
        LocalDate periodFrom, LocalDate periodTo, Map<String, Object> seller, Map<String, Object> buyer,
        Map<String, Object> details, String pdfSha256, String pdfEnSha256, InvoiceStatus invoiceStatus,
        BigDecimal outstanding, List<Line> lines) {

    /** A line as stored. */
    public record Line(int lineNo, String sku, String name, String nameEn, String unitCode, String unitName,
            BigDecimal quantity, BigDecimal unitNet, BigDecimal unitGross, String vatRate, BigDecimal lineNet,
            BigDecimal lineVat, BigDecimal lineGross) {
    }

    /** The status a list shows: an invoice's derived one, otherwise the document's own. */
    public String shownStatus() {
        return invoiceStatus != null ? invoiceStatus.name() : status;
    }

    public String sha(boolean english) {
        return english ? pdfEnSha256 : pdfSha256;
    }

    public DocumentView withLines(List<Line> lines) {
        return new DocumentView(id, kind, number, version, replacesId, replacedById, status, issuedOn, dueOn,
                legalEntityId, companyId, orderId, orderNumber, shipmentNo, invoiceId, invoiceNumber, paymentTerms,
                currency, totalNet, totalVat, totalGross, periodFrom, periodTo, seller, buyer, details, pdfSha256,
                pdfEnSha256, invoiceStatus, outstanding, lines);
    }
}
