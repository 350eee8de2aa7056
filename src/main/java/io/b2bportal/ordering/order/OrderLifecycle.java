package io.b2bportal.ordering.order;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.ordering.OrderCancelled;
import io.b2bportal.ordering.OrderConfirmed;
import io.b2bportal.ordering.OrderDelivered;
import io.b2bportal.ordering.ShipmentDispatched;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an order after checkout: the buyer cancels before confirmation; staff confirm, start fulfilment, ship
 * (all or part: quantities per line, the rest ships later on the same order), mark delivered, complete, or cancel with
 * a reason. Each action locks the order row, checks that its status allows it ({@link OrderStatus#next()}), writes the
 * history and publishes its event. Shipping takes the stock reserved at checkout; a backordered quantity is reserved
 * when it ships (refused if it is still not in stock). Cancelling gives back what is reserved.
 */
@Service
public class OrderLifecycle {

    private final JdbcClient jdbc;
    private final CatalogApi catalog;
    private final ApplicationEventPublisher events;

    OrderLifecycle(JdbcClient jdbc, CatalogApi catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    private record Locked(long id, String number, long companyId, long legalEntityId, OrderStatus status,
            String currency, BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross) {
    }

    private record LineState(long id, int lineNo, long productId, String sku, BigDecimal quantity,
            BigDecimal reserved, BigDecimal backordered, BigDecimal shipped, String unitCode, String unitName) {
    }

    /** The buyer cancels their order while it is not yet confirmed. */
    @Transactional
    public void cancelByBuyer(long orderId, long userId, String reason) {
        Locked order = lock(orderId);
        if (!order.status().buyerMayCancel()) {
            throw refused(order, OrderStatus.CANCELLED);
        }
        cancel(order, userId, reason);
    }

    /** Staff cancel an order that has not shipped completely, with a reason. */
    @Transactional
    public void cancelByStaff(long orderId, long userId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "orders.cancel.reason-required");
        }
        Locked order = lock(orderId);
        if (!order.status().mayBecome(OrderStatus.CANCELLED)) {
            throw refused(order, OrderStatus.CANCELLED);
        }
        cancel(order, userId, reason);
    }

    @Transactional
    public void confirm(long orderId, long userId) {
        Locked order = move(orderId, userId, OrderStatus.CONFIRMED, "CONFIRMED", null);
        events.publishEvent(new OrderConfirmed(order.id(), order.number(), order.companyId(), order.legalEntityId(),
                order.currency(), order.totalNet(), order.totalVat(), order.totalGross()));
    }

    /**
     * The order's invoice is paid in full: a placed order on prepayment is confirmed by the portal itself (no actor).
     * Returns whether it was confirmed now; an order past PLACED, or cancelled, stays as it is.
     */
    @Transactional
    public boolean confirmPaid(long orderId) {
        Locked order = lock(orderId);
        if (order.status() != OrderStatus.PLACED) {
            return false;
        }
        move(orderId, null, OrderStatus.CONFIRMED, "CONFIRMED_PAID", null);
        events.publishEvent(new OrderConfirmed(order.id(), order.number(), order.companyId(), order.legalEntityId(),
                order.currency(), order.totalNet(), order.totalVat(), order.totalGross()));
        return true;
    }

    @Transactional
    public void startFulfilment(long orderId, long userId) {
        move(orderId, userId, OrderStatus.IN_FULFILMENT, "FULFILMENT_STARTED", null);
    }

    @Transactional
    public void deliver(long orderId, long userId) {
        Locked order = move(orderId, userId, OrderStatus.DELIVERED, "DELIVERED", null);
        events.publishEvent(new OrderDelivered(order.id(), order.number(), order.companyId(), order.legalEntityId(),
                order.currency(), order.totalNet(), order.totalVat(), order.totalGross()));
    }

    @Transactional
    public void complete(long orderId, long userId) {
        move(orderId, userId, OrderStatus.COMPLETED, "COMPLETED", null);
    }

    /**
     * Ships these quantities (by line number; absent lines ship nothing now). Each at most what is left of its line;
     * what was reserved ships first, a backordered rest only if it can be reserved now. Returns the shipment number.
     */
    @Transactional
    public int ship(long orderId, long userId, Map<Integer, BigDecimal> quantities) {
        Locked order = lock(orderId);
        if (!order.status().shippable()) {
            throw refused(order, OrderStatus.SHIPPED);
        }
        Map<Integer, LineState> lines = new LinkedHashMap<>();
        lines(orderId).forEach(l -> lines.put(l.lineNo(), l));
        Map<Integer, BigDecimal> chosen = new LinkedHashMap<>();
        quantities.forEach((lineNo, quantity) -> {
            if (quantity == null || quantity.signum() == 0) {
                return;
            }
            LineState line = lines.get(lineNo);
            if (line == null) {
                throw DomainException.invalid("bad-line", "orders.ship.unknown-line", lineNo);
            }
            QuantityPolicy.check(quantity, line.unitCode(), line.unitName()).ifPresent(reason -> {
                throw Checkout.lineRefusal("bad-quantity", line.sku(), reason);
            });
            BigDecimal left = line.quantity().subtract(line.shipped());
            if (quantity.compareTo(left) > 0) {
                throw DomainException.invalid("ship-too-much", "orders.ship.too-much", line.sku(),
                        QuantityPolicy.plain(quantity), QuantityPolicy.plain(left), line.unitName());
            }
            chosen.put(lineNo, quantity);
        });
        if (chosen.isEmpty()) {
            throw DomainException.invalid("nothing-to-ship", "orders.ship.nothing");
        }
        Map<Long, BigDecimal> extra = new HashMap<>();
        Map<Long, BigDecimal> shipped = new HashMap<>();
        chosen.forEach((lineNo, quantity) -> {
            LineState line = lines.get(lineNo);
            BigDecimal fromBackorder = quantity.subtract(quantity.min(line.reserved()));
            if (fromBackorder.signum() > 0) {
                extra.merge(line.productId(), fromBackorder, BigDecimal::add);
            }
            shipped.merge(line.productId(), quantity, BigDecimal::add);
        });
        if (!extra.isEmpty()) {
            Map<Long, BigDecimal> got = catalog.reserve(extra);
            extra.forEach((product, wanted) -> {
                BigDecimal have = got.getOrDefault(product, BigDecimal.ZERO);
                if (have.compareTo(wanted) < 0) {
                    LineState line = lines.values().stream().filter(l -> l.productId() == product).findFirst()
                            .orElseThrow();
                    throw DomainException.invalid("not-in-stock", "orders.ship.not-in-stock", line.sku(),
                            QuantityPolicy.plain(wanted), QuantityPolicy.plain(have), line.unitName());
                }
            });
        }
        catalog.shipReserved(shipped);
        int shipment = jdbc.sql("""
                        insert into ordering.shipment (order_id, number, shipped_by)
                        values (:order, (select coalesce(max(number), 0) + 1 from ordering.shipment
                                          where order_id = :order), :user)
                        returning number""")
                .param("order", orderId).param("user", userId).query(Integer.class).single();
        List<Integer> lineNos = List.copyOf(chosen.keySet());
        jdbc.sql("""
                        with chosen as (
                               select c.line_no, c.quantity
                                 from unnest(cast(:lineNos as int[]), cast(:quantities as numeric[]))
                                      as c(line_no, quantity)),
                             changed as (
                               update ordering.order_line l
                                  set shipped = l.shipped + c.quantity,
                                      reserved = greatest(l.reserved - c.quantity, 0),
                                      backordered = l.backordered - greatest(c.quantity - l.reserved, 0)
                                 from chosen c
                                where l.order_id = :order and l.line_no = c.line_no
                               returning l.id, c.quantity)
                        insert into ordering.shipment_line (shipment_id, order_line_id, quantity)
                        select (select id from ordering.shipment where order_id = :order and number = :shipment),
                               id, quantity from changed""")
                .param("lineNos", lineNos.toArray(Integer[]::new))
                .param("quantities", lineNos.stream().map(chosen::get).toArray(BigDecimal[]::new))
                .param("order", orderId).param("shipment", shipment).update();
        boolean all = jdbc.sql("""
                        select bool_and(shipped >= quantity) from ordering.order_line where order_id = :order""")
                .param("order", orderId).query(Boolean.class).single();
        OrderStatus to = all ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
        setStatus(order, to, null);
        String what = lineNos.stream().map(n -> lines.get(n).sku() + " × " + QuantityPolicy.plain(chosen.get(n)))
                .reduce((a, b) -> a + ", " + b).orElse("");
        OrderHistory.record(jdbc, orderId, userId, "SHIPPED", order.status(), to, "#" + shipment + ": " + what);
        events.publishEvent(new ShipmentDispatched(order.id(), order.number(), order.companyId(),
                order.legalEntityId(), order.currency(), order.totalNet(), order.totalVat(), order.totalGross(),
                shipment));
        return shipment;
    }

    private void cancel(Locked order, long userId, String reason) {
        Map<Long, BigDecimal> reserved = new HashMap<>();
        lines(order.id()).forEach(l -> {
            if (l.reserved().signum() > 0) {
                reserved.merge(l.productId(), l.reserved(), BigDecimal::add);
            }
        });
        catalog.releaseReserved(reserved);
        jdbc.sql("update ordering.order_line set reserved = 0 where order_id = :order").param("order", order.id())
                .update();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw DomainException.invalid("reason-too-long", "orders.cancel.reason-too-long", 500);
        }
        setStatus(order, OrderStatus.CANCELLED, why);
        OrderHistory.record(jdbc, order.id(), userId, "CANCELLED", order.status(), OrderStatus.CANCELLED, why);
        events.publishEvent(new OrderCancelled(order.id(), order.number(), order.companyId(), order.legalEntityId(),
                order.currency(), order.totalNet(), order.totalVat(), order.totalGross(), why));
    }

    private Locked move(long orderId, Long userId, OrderStatus to, String action, String comment) {
        Locked order = lock(orderId);
        if (!order.status().mayBecome(to)) {
            throw refused(order, to);
        }
        setStatus(order, to, null);
        OrderHistory.record(jdbc, orderId, userId, action, order.status(), to, comment);
        return order;
    }

    private void setStatus(Locked order, OrderStatus to, String cancelReason) {
        jdbc.sql("""
                        update ordering.orders
                           set status = :to, updated_at = now(), version = version + 1,
                               cancel_reason = coalesce(:reason, cancel_reason)
                         where id = :id""")
                .param("to", to.name()).param("reason", cancelReason).param("id", order.id()).update();
    }

    private Locked lock(long orderId) {
        return jdbc.sql("""
                        select id, number, company_id, legal_entity_id, status, currency, total_net, total_vat,
                               total_gross
                          from ordering.orders where id = :id for update""")
                .param("id", orderId).query(Locked.class).optional()
                .orElseThrow(() -> DomainException.notFound("order", orderId));
    }

    private List<LineState> lines(long orderId) {
        return jdbc.sql("""
                        select id, line_no, product_id, sku, quantity, reserved, backordered, shipped, unit_code,
                               unit_name
                          from ordering.order_line where order_id = :order order by line_no""")
                .param("order", orderId).query(LineState.class).list();
    }

    private static DomainException refused(Locked order, OrderStatus to) {
        return DomainException.conflict("order-status", "orders.status.cannot", order.number(),
                status(order.status()), status(to));
    }

    static DefaultMessageSourceResolvable status(OrderStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {"orders.status." + status.name()}, status.name());
    }
}
