package io.b2bportal.ordering.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An order in a list. */
public record OrderSummary(long id, String number, OffsetDateTime createdAt, OrderStatus status, String poNumber,
        long companyId, String companyName, String legalEntityName, String placedBy, String channel, int lines,
        BigDecimal totalGross, String currency, LocalDate desiredDate, boolean backorder) {
}
