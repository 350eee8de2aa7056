package io.b2bportal.documents.transfer;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.documents.DocumentIssued;
import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.issue.DocumentStore;
import io.b2bportal.documents.issue.NewDocument;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.OrderingApi.OrderDocument;
import io.b2bportal.ordering.OrderingApi.ShipmentDocument;
import io.b2bportal.ordering.OrderingApi.ShippedLine;
import io.b2bportal.ordering.ShipmentDispatched;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.shared.BusinessDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transfer document (УПД, status 1: invoice-factura and delivery note in one) of every shipment, for the lines
 * and quantities that shipped, issued in the shipping transaction so that no shipment leaves without one. Amounts
 * are the order's prices for the shipped quantities, rounded as the invoice of a partly shipped order rounds them.
 * A transfer document does not post to the ledger: the invoice already did.
 */
@Service
public class Transfers {

    private final JdbcClient jdbc;
    private final OrderingApi ordering;
    private final CustomersApi customers;
    private final PlatformApi platform;
    private final DocumentStore store;
    private final ApplicationEventPublisher events;

    Transfers(JdbcClient jdbc, OrderingApi ordering, CustomersApi customers, PlatformApi platform,
            DocumentStore store, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ordering = ordering;
        this.customers = customers;
        this.platform = platform;
        this.store = store;
        this.events = events;
    }

    @EventListener
    void on(ShipmentDispatched dispatched) {
        issue(dispatched.orderId(), dispatched.shipment(), null);
    }

    /** Issues the transfer document of a shipment; returns the existing one if it has one. */
    @Transactional
    public long issue(long orderId, int shipmentNo, Long actorId) {
        Optional<Long> existing = jdbc.sql("""
                        select id from documents.document
                         where kind = 'TRANSFER' and order_id = :order and shipment_no = :n and status = 'ISSUED'""")
                .param("order", orderId).param("n", shipmentNo).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        OrderDocument order = ordering.order(orderId).orElseThrow();
        ShipmentDocument shipment = ordering.shipment(orderId, shipmentNo).orElseThrow();
        List<NewDocument.Line> lines = lines(order, shipment);
        Long invoiceId = jdbc.sql("""
                        select id from documents.document
                         where kind = 'INVOICE' and order_id = :order order by (status = 'ISSUED') desc, version desc
                         limit 1""")
                .param("order", orderId).query(Long.class).optional().orElse(null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consigneeAddress", order.addressText());
        details.put("contractNumber", order.contractNumber());
        details.put("poNumber", order.poNumber());
        details.put("shippedAt", shipment.shippedAt() == null ? null : shipment.shippedAt().toString());
        NewDocument document = new NewDocument(DocumentKind.TRANSFER, BusinessDate.today(), order.legalEntityId(),
                order.companyId(), orderId, order.number(), shipmentNo, invoiceId, order.currency(),
                sum(lines, NewDocument.Line::net), sum(lines, NewDocument.Line::vat),
                sum(lines, NewDocument.Line::gross), null, null, platform.seller().orElse(null),
                customers.requisites(order.legalEntityId()).orElseThrow(), details, actorId, lines);
        DocumentStore.Issued issued = store.insert(document);
        events.publishEvent(new DocumentIssued(issued.id(), DocumentKind.TRANSFER, issued.number(),
                order.companyId(), order.legalEntityId(), orderId));
        return issued.id();
    }

    /**
     * The shipped lines at the order's prices: a whole line takes the order line's amounts, a part of it the same
     * share of them, rounded HALF_UP to kopecks (as {@code Invoicing.lines} does for a partly shipped order).
     */
    static List<NewDocument.Line> lines(OrderDocument order, ShipmentDocument shipment) {
        Map<Integer, OrderingApi.Line> byNo = order.lines().stream()
                .collect(Collectors.toMap(OrderingApi.Line::lineNo, Function.identity()));
        List<NewDocument.Line> lines = new ArrayList<>();
        int no = 0;
        for (ShippedLine s : shipment.lines()) {
            if (s.quantity().signum() <= 0) {
                continue;
            }
            OrderingApi.Line l = byNo.get(s.lineNo());
            BigDecimal gross = l.lineGross();
            BigDecimal vat = l.lineVat();
            if (s.quantity().compareTo(l.quantity()) != 0) {
                gross = l.lineGross().multiply(s.quantity()).divide(l.quantity(), 2, RoundingMode.HALF_UP);
                vat = l.lineVat().multiply(s.quantity()).divide(l.quantity(), 2, RoundingMode.HALF_UP);
            }
            lines.add(new NewDocument.Line(++no, s.sku(), s.name(), s.nameEn(), s.unitCode(), s.unitName(),
                    s.quantity(), s.unitNet(), s.unitGross(), s.vatRate(), gross.subtract(vat), vat, gross));
        }
        return lines;
    }

    private static BigDecimal sum(List<NewDocument.Line> lines, Function<NewDocument.Line, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
