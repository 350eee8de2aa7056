package io.b2bportal.documents.issue;

import io.b2bportal.documents.DocumentKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A document about to be issued (transfer document, credit note, reconciliation act), with its lines. */
public record NewDocument(DocumentKind kind, LocalDate issuedOn, long legalEntityId, long companyId, Long orderId,
        String orderNumber, Integer shipmentNo, Long invoiceId, String currency, BigDecimal totalNet,
        BigDecimal totalVat, BigDecimal totalGross, LocalDate periodFrom, LocalDate periodTo, Object seller,
        Object buyer, Map<String, Object> details, Long createdBy, List<Line> lines) {

    public record Line(int lineNo, String sku, String name, String nameEn, String unitCode, String unitName,
            BigDecimal quantity, BigDecimal unitNet, BigDecimal unitGross, String vatRate, BigDecimal net,
            BigDecimal vat, BigDecimal gross) {
    }
}
