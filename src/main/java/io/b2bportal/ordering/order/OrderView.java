package io.b2bportal.ordering.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An order with its lines, shipments and history, as the buyer and staff see it. */
public record OrderView(long id, String number, long companyId, String companyName, long legalEntityId,
        String legalEntityName, String placedBy, String channel, OrderStatus status, String poNumber, String comment,
        LocalDate desiredDate, String paymentTerms, int deferralDays, String contractNumber, String currency,
        BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross, String addressText, List<Long> sourceCartIds,
        String cancelReason, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version, List<Line> lines,
        List<Shipment> shipments, List<Event> history) {

    /** A line: the product and price as they were when the order was placed, and where its quantity stands now. */
    public record Line(long id, int lineNo, long productId, String sku, String name, String nameEn, String unitName,
            BigDecimal quantity, BigDecimal unitNet, BigDecimal unitGross, String vatRate, BigDecimal lineNet,
            BigDecimal lineVat, BigDecimal lineGross, String priceSource, String promotion, BigDecimal reserved,
            BigDecimal backordered, LocalDate expectedDate, BigDecimal shipped, String addressText) {

        /** What is still to ship. */
        public BigDecimal remaining() {
            return quantity.subtract(shipped);
        }
    }

    public record Shipment(int number, OffsetDateTime shippedAt, String shippedBy, List<ShipmentLine> lines) {
    }

    public record ShipmentLine(int lineNo, String sku, BigDecimal quantity, String unitName) {
    }

    public record Event(OffsetDateTime at, String actor, String action, String fromStatus, String toStatus,
            String comment) {
    }

    public boolean buyerMayCancel() {
        return status.buyerMayCancel();
    }

    public boolean hasBackorders() {
        return lines.stream().anyMatch(l -> l.backordered().signum() > 0);
    }
}
