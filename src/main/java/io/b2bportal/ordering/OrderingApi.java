package io.b2bportal.ordering;

import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.Replacements;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of orders and ask of them: an order with its lines as an invoice prints it, a shipment
 * with its shipped lines as a transfer document prints it, and confirming a prepaid order once its invoice is paid.
 */
@Service
public class OrderingApi {

    private final JdbcClient jdbc;
    private final OrderLifecycle lifecycle;
    private final org.springframework.beans.factory.ObjectProvider<io.b2bportal.ordering.order.Checkout> checkout;
    private final Replacements replacements;
    private final org.springframework.beans.factory.ObjectProvider<io.b2bportal.ordering.order.StaffOrders> staffOrders;

    OrderingApi(JdbcClient jdbc, OrderLifecycle lifecycle,
            org.springframework.beans.factory.ObjectProvider<io.b2bportal.ordering.order.Checkout> checkout,
            Replacements replacements,
            org.springframework.beans.factory.ObjectProvider<io.b2bportal.ordering.order.StaffOrders> staffOrders) {
        this.jdbc = jdbc;
        this.staffOrders = staffOrders;
        this.lifecycle = lifecycle;
        this.checkout = checkout;
        this.replacements = replacements;
    }

    /** An order line as placed (after any change before confirmation). */
    public record Line(long id, int lineNo, long productId, String sku, String name, String nameEn, String unitCode,
            String unitName, BigDecimal quantity, BigDecimal unitNet, BigDecimal unitGross, String vatRate,
            BigDecimal lineNet, BigDecimal lineVat, BigDecimal lineGross, BigDecimal shipped) {
    }

    /**
     * An order as its documents see it.
     *
     * @param paymentTerms PREPAYMENT or DEFERRAL, with {@code deferralDays} of the contract when it was placed
     */
    public record OrderDocument(long id, String number, long companyId, long legalEntityId, long placedBy,
            String channel, String status, OffsetDateTime placedAt, String paymentTerms, int deferralDays,
            String contractNumber, String poNumber, LocalDate desiredDate, String addressText, String currency,
            BigDecimal net, BigDecimal vat, BigDecimal gross, List<Line> lines) {
    }

    /** A shipment: which lines left the warehouse in which quantities. */
    public record ShipmentDocument(long orderId, String orderNumber, int number, OffsetDateTime shippedAt,
            List<ShippedLine> lines) {
    }

    /** A line of a shipment, with the order line's price per unit. */
    public record ShippedLine(int lineNo, long productId, String sku, String name, String nameEn, String unitCode,
            String unitName, BigDecimal quantity, BigDecimal unitNet, BigDecimal unitGross, String vatRate) {
    }

    private record Head(long id, String number, long companyId, long legalEntityId, long placedBy, String channel,
            String status, OffsetDateTime createdAt, String paymentTerms, int deferralDays, String contractNumber,
            String poNumber, LocalDate desiredDate, String addressText, String currency, BigDecimal totalNet,
            BigDecimal totalVat, BigDecimal totalGross) {
    }

    @Transactional(readOnly = true)
    public Optional<OrderDocument> order(long orderId) {
        return jdbc.sql("""
                        select id, number, company_id, legal_entity_id, placed_by, channel, status, created_at,
                               payment_terms, deferral_days, contract_number, po_number, desired_date, address_text,
                               currency, total_net, total_vat, total_gross
                          from ordering.orders where id = :id""")
                .param("id", orderId).query(Head.class).optional()
                .map(h -> new OrderDocument(h.id(), h.number(), h.companyId(), h.legalEntityId(), h.placedBy(),
                        h.channel(), h.status(), h.createdAt(), h.paymentTerms(), h.deferralDays(),
                        h.contractNumber(), h.poNumber(), h.desiredDate(), h.addressText(), h.currency(),
                        h.totalNet(), h.totalVat(), h.totalGross(), jdbc.sql("""
                                        select id, line_no, product_id, sku, name, name_en, unit_code, unit_name,
                                               quantity, unit_net, unit_gross, vat_rate, line_net, line_vat,
                                               line_gross, shipped
                                          from ordering.order_line where order_id = :id order by line_no""")
                                .param("id", orderId).query(Line.class).list()));
    }

    /** Shipment {@code number} (1, 2, …) of the order. */
    @Transactional(readOnly = true)
    public Optional<ShipmentDocument> shipment(long orderId, int number) {
        record Head(long orderId, String orderNumber, int number, OffsetDateTime shippedAt, long id) {
        }
        return jdbc.sql("""
                        select s.order_id, o.number as order_number, s.number, s.shipped_at, s.id
                          from ordering.shipment s join ordering.orders o on o.id = s.order_id
                         where s.order_id = :order and s.number = :number""")
                .param("order", orderId).param("number", number).query(Head.class).optional()
                .map(h -> new ShipmentDocument(h.orderId(), h.orderNumber(), h.number(), h.shippedAt(), jdbc.sql("""
                                select l.line_no, l.product_id, l.sku, l.name, l.name_en, l.unit_code, l.unit_name,
                                       sl.quantity, l.unit_net, l.unit_gross, l.vat_rate
                                  from ordering.shipment_line sl
                                  join ordering.order_line l on l.id = sl.order_line_id
                                 where sl.shipment_id = :id order by l.line_no""")
                        .param("id", h.id()).query(ShippedLine.class).list()));
    }

    /** The numbers of the order's shipments so far, in order. */
    @Transactional(readOnly = true)
    public List<Integer> shipmentNumbers(long orderId) {
        return jdbc.sql("select number from ordering.shipment where order_id = :order order by number")
                .param("order", orderId).query(Integer.class).list();
    }

    /**
     * Locks these orders (in id order) until the caller's transaction ends. Whoever changes an order and then its
     * invoice (a change, a cancellation, a shipment) holds the order first; money allocated to invoices takes the
     * orders' locks before the invoices' for the same reason, so the two never wait for each other in a circle.
     */
    @Transactional
    public void lockOrders(java.util.Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.sql("select id from ordering.orders where id = any(cast(:ids as bigint[])) order by id for update")
                .param("ids", orderIds.stream().distinct().toArray(Long[]::new)).query(Long.class).list();
    }

    /**
     * The order's invoice is paid in full: a PLACED order is confirmed by the portal (history "confirmed: invoice
     * paid", {@link OrderConfirmed} published). Returns false, changing nothing, for an order in any other state.
     */
    public boolean confirmPaid(long orderId) {
        return lifecycle.confirmPaid(orderId);
    }

    /**
     * What the legal entity's orders waiting for approval add up to (gross): the part of its credit exposure that is
     * not invoiced yet (the rest is its receivable in the ledger).
     */
    @Transactional(readOnly = true)
    public BigDecimal awaitingApproval(long legalEntityId) {
        return jdbc.sql("""
                        select coalesce(sum(total_gross), 0) from ordering.orders
                         where legal_entity_id = :entity and status = 'AWAITING_APPROVAL'""")
                .param("entity", legalEntityId).query(BigDecimal.class).single();
    }

    /**
     * Places an order of these lines (SKU → quantity) for a legal entity as its buyer would on the portal, through
     * every check of the checkout (may order, credit, stock...), and returns its id; a refusal is the checkout's
     * {@code DomainException}. For other modules' demo data and tests (payments' credit-hold demo).
     */
    public long place(long buyerId, long legalEntityId, java.util.Map<String, BigDecimal> lines, String poNumber) {
        long company = jdbc.sql("select company_id from customers.legal_entity where id = :id")
                .param("id", legalEntityId).query(Long.class).single();
        var request = new io.b2bportal.ordering.order.CheckoutRequest(List.of(), lines.entrySet().stream()
                .map(e -> new io.b2bportal.ordering.order.CheckoutRequest.RequestedLine(e.getKey(), e.getValue()))
                .toList(), false, false, null, List.of(), null, poNumber, null);
        return checkout.getObject().place(new io.b2bportal.ordering.order.Placer(buyerId, legalEntityId, company,
                io.b2bportal.ordering.order.Channel.PORTAL), request).getFirst();
    }

    /** A line of an order placed on a customer's behalf: a product by SKU and a quantity in its unit. */
    public record OnBehalfLine(String sku, BigDecimal quantity) {
    }

    /** What a member of staff orders for a customer's legal entity; addressId null: the entity's default address. */
    public record OnBehalfRequest(long legalEntityId, List<OnBehalfLine> lines, Long addressId, LocalDate desiredDate,
            String poNumber, String comment) {
    }

    /** The orders placed, and whether an earlier request with the same idempotency key placed them. */
    public record OnBehalfPlaced(List<OrderDocument> orders, boolean replayed) {
    }

    /**
     * Places an order for a customer's legal entity on its behalf, through every check of the checkout (may order,
     * agreement, credit hold and limit, minimum, stock), as channel ON_BEHALF with the staff member as the one who
     * placed it, audited with both identities. Only those who manage the customer (administrators, sales heads, its
     * account manager): otherwise 403, a customer they may not see 404.
     */
    @Transactional
    public OnBehalfPlaced placeOnBehalf(io.b2bportal.platform.PortalUser staff, OnBehalfRequest request,
            String idempotencyKey, String ip) {
        var placed = staffOrders.getObject().placeOnBehalf(staff, request.legalEntityId(),
                new io.b2bportal.ordering.order.CheckoutRequest(List.of(), request.lines() == null ? List.of()
                        : request.lines().stream().filter(java.util.Objects::nonNull)
                                .map(l -> new io.b2bportal.ordering.order.CheckoutRequest.RequestedLine(l.sku(),
                                        l.quantity()))
                        .toList(), false, false, request.addressId(), List.of(), request.desiredDate(),
                        request.poNumber(), request.comment()), idempotencyKey, ip);
        return new OnBehalfPlaced(placed.orderIds().stream().map(id -> order(id).orElseThrow()).toList(),
                placed.replayed());
    }

    /** An order a buyer may claim against: at least part of it has shipped. */
    public record ShippedOrder(long id, String number, String poNumber, String status, OffsetDateTime placedAt,
            BigDecimal gross, String currency) {
    }

    /** The legal entity's orders of which something has shipped, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ShippedOrder> shippedOrders(long legalEntityId, int limit) {
        return jdbc.sql("""
                        select o.id, o.number, o.po_number, o.status, o.created_at as placed_at, o.total_gross as gross,
                               o.currency
                          from ordering.orders o
                         where o.legal_entity_id = :entity
                           and exists (select 1 from ordering.order_line l where l.order_id = o.id and l.shipped > 0)
                         order by o.created_at desc, o.id desc limit :limit""")
                .param("entity", legalEntityId).param("limit", limit).query(ShippedOrder.class).list();
    }

    /** A line of a replacement: the original order line and how much of it to send again. */
    public record ReplacementLine(long orderLineId, BigDecimal quantity) {
    }

    /** The replacement order placed. */
    public record Replacement(long orderId, String number) {
    }

    /**
     * Places a replacement for goods of {@code originalOrderId} at zero price (channel CLAIM), to the original
     * order's address, with stock reserved as at checkout: it starts CONFIRMED (nothing to pay, no invoice) and the
     * warehouse ships it like any order. Refused (422 {@code out-of-stock}) when a product that may not be
     * backordered is short. Joins the caller's transaction.
     *
     * @param reference what the order is for, e.g. the claim's number; kept in its comment and history
     */
    public Replacement placeReplacement(long originalOrderId, long staffId, String reference,
            List<ReplacementLine> lines) {
        Replacements.Placed placed = replacements.place(originalOrderId, staffId, reference, lines.stream()
                .map(l -> new Replacements.ReplacementLine(l.orderLineId(), l.quantity())).toList());
        return new Replacement(placed.id(), placed.number());
    }

    /**
     * When the order's latest history event with this action (PLACED, APPROVED, CHANGED, CONFIRMED, SHIPPED,
     * DELIVERED, CANCELLED...) happened: the CRM timeline dates what it logs by it, not by when it heard of it.
     */
    @Transactional(readOnly = true)
    public Optional<java.time.Instant> historyAt(long orderId, String action) {
        return jdbc.sql("""
                        select max(at) from ordering.order_event where order_id = :id and action = :action""")
                .param("id", orderId).param("action", action).query(java.time.OffsetDateTime.class).optional()
                .map(java.time.OffsetDateTime::toInstant);
    }

    /** An open cart with lines that nobody changed since {@code changedAt} (for the CRM's "cart untouched" rule). */
    public record IdleCart(long cartId, String name, long companyId, long legalEntityId, long ownerId, int lines,
            OffsetDateTime changedAt) {
    }

    /** Open carts with lines whose last change (the cart or any line) is before {@code before}, oldest first. */
    @Transactional(readOnly = true)
    public List<IdleCart> idleCarts(java.time.Instant before, int limit) {
        return jdbc.sql("""
                select c.id, c.name, e.company_id, c.legal_entity_id, c.owner_id, count(l.id)::int as lines,
                       greatest(c.updated_at, max(l.updated_at)) as changed_at
                  from ordering.cart c
                  join ordering.cart_line l on l.cart_id = c.id
                  join customers.legal_entity e on e.id = c.legal_entity_id
                 where c.status = 'OPEN'
                 group by c.id, e.company_id
                having greatest(c.updated_at, max(l.updated_at)) < :before
                 order by changed_at, c.id limit :limit""")
                .param("before", java.sql.Timestamp.from(before)).param("limit", limit)
                .query((rs, n) -> new IdleCart(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** A company that ordered at least a few times and not since a date (for the CRM's "churn risk" rule). */
    public record LapsedCustomer(long companyId, int orders, long lastOrderId, String lastOrderNumber,
            OffsetDateTime lastOrderAt) {
    }

    /** Companies with at least {@code minOrders} orders (cancelled ones not counted), the last before {@code before}. */
    @Transactional(readOnly = true)
    public List<LapsedCustomer> lapsedCustomers(java.time.Instant before, int minOrders, int limit) {
        return jdbc.sql("""
                select o.company_id, count(*)::int, (array_agg(o.id order by o.created_at desc, o.id desc))[1],
                       (array_agg(o.number order by o.created_at desc, o.id desc))[1], max(o.created_at)
                  from ordering.orders o
                 where o.status <> 'CANCELLED' and o.channel <> 'CLAIM'
                 group by o.company_id
                having count(*) >= :min and max(o.created_at) < :before
                 order by o.company_id limit :limit""")
                .param("min", minOrders).param("before", java.sql.Timestamp.from(before)).param("limit", limit)
                .query((rs, n) -> new LapsedCustomer(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** A customer company's orders placed in a period: how many and their gross total, per currency. */
    public record PlacedTotal(long companyId, String currency, long orders, BigDecimal gross) {
    }

    /**
     * Orders placed in {@code [from, to)} per customer company and currency (CRM analytics): every order but those
     * cancelled or still awaiting the customer's internal approval.
     */
    @Transactional(readOnly = true)
    public List<PlacedTotal> placedTotals(java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("""
                        select company_id, currency, count(*) as orders, sum(total_gross) as gross
                          from ordering.orders
                         where created_at >= :from and created_at < :to
                           and status not in ('CANCELLED', 'AWAITING_APPROVAL')
                         group by company_id, currency""")
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query(PlacedTotal.class).list();
    }
}
