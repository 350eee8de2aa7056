package io.b2bportal.ordering.order;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.ordering.OrderChanged;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.Quote;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's own approval of orders above a buyer's limits ({@link ApprovalPolicy}): an approver of the company
 * (role approver or company administrator, acting for the order's legal entity) lists what waits, may lower
 * quantities or remove lines, and approves (the order is placed) or rejects it with a comment (it is cancelled and its
 * reservations released). Nobody approves or rejects their own order. The buyer may lower quantities of their order
 * too while it waits or until the seller confirms it; a change to an order that had been approved sends it back for
 * approval. Quantities only go down here (more is a new order): the reservation of what is taken off is released and
 * the order is priced again at the new quantities, at least the contract's minimum.
 */
@Service
public class Approvals {

    private final JdbcClient jdbc;
    private final PricingApi pricing;
    private final CatalogApi catalog;
    private final OrderLifecycle lifecycle;
    private final ApplicationEventPublisher events;

    Approvals(JdbcClient jdbc, PricingApi pricing, CatalogApi catalog, OrderLifecycle lifecycle,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.pricing = pricing;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /** An order waiting for approval, as the approver's list shows it. */
    public record Pending(long id, String number, OffsetDateTime createdAt, String placedBy, String legalEntityName,
            String poNumber, int lines, BigDecimal totalGross, String currency) {
    }

    @Transactional(readOnly = true)
    public List<Pending> pending(long legalEntityId) {
        return jdbc.sql("""
                        select o.id, o.number, o.created_at, u.display_name as placed_by, e.name as legal_entity_name,
                               o.po_number, (select count(*) from ordering.order_line l where l.order_id = o.id) as lines,
                               o.total_gross, o.currency
                          from ordering.orders o
                          join platform.user_account u on u.id = o.placed_by
                          join customers.legal_entity e on e.id = o.legal_entity_id
                         where o.legal_entity_id = :entity and o.status = 'AWAITING_APPROVAL'
                         order by o.created_at""")
                .param("entity", legalEntityId).query(Pending.class).list();
    }

    private record Locked(long id, String number, long companyId, long legalEntityId, long placedBy,
            OrderStatus status, String currency) {
    }

    @Transactional
    public void approve(long orderId, long approverId, String comment) {
        Locked order = lockWaiting(orderId, approverId);
        jdbc.sql("update ordering.orders set status = 'PLACED', updated_at = now(), version = version + 1 where id = :id")
                .param("id", orderId).update();
        OrderHistory.record(jdbc, orderId, approverId, "APPROVED", order.status(), OrderStatus.PLACED, text(comment));
        record Totals(BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross, String channel) {
        }
        Totals totals = jdbc.sql("select total_net, total_vat, total_gross, channel from ordering.orders where id = :id")
                .param("id", orderId).query(Totals.class).single();
        events.publishEvent(new OrderPlaced(order.id(), order.number(), order.companyId(), order.legalEntityId(),
                order.currency(), totals.totalNet(), totals.totalVat(), totals.totalGross(), totals.channel()));
    }

    @Transactional
    public void reject(long orderId, long approverId, String comment) {
        String why = text(comment);
        if (why == null) {
            throw DomainException.invalid("reason-required", "approval.reason-required");
        }
        Locked order = lockWaiting(orderId, approverId);
        OrderHistory.record(jdbc, orderId, approverId, "REJECTED", order.status(), order.status(), why);
        lifecycle.cancelByBuyer(orderId, approverId, why);
    }

    /**
     * Lowers quantities (by line number; 0 removes the line). {@code approver}: the caller acts as the approver of a
     * waiting order (not their own); otherwise as the buyer who placed it.
     */
    @Transactional
    public void change(long orderId, long userId, boolean approver, Map<Integer, BigDecimal> quantities) {
        change(orderId, userId, approver, false, quantities);
    }

    /**
     * A member of staff acting on the customer's behalf lowers quantities as the buyer who placed the order could
     * (whoever of the customer placed it), never as its approver.
     */
    @Transactional
    public void changeOnBehalf(long orderId, long staffId, Map<Integer, BigDecimal> quantities) {
        change(orderId, staffId, false, true, quantities);
    }

    private void change(long orderId, long userId, boolean approver, boolean onBehalf,
            Map<Integer, BigDecimal> quantities) {
        Locked order = lock(orderId);
        if (approver) {
            requireWaiting(order, userId);
        } else if (order.placedBy() != userId && !onBehalf) {
            throw new DomainException(403, "not-your-order", "approval.not-placer");
        } else if (order.status() != OrderStatus.AWAITING_APPROVAL && order.status() != OrderStatus.PLACED) {
            throw DomainException.conflict("order-status", "approval.not-changeable", order.number());
        }
        record Line(int lineNo, long productId, String sku, BigDecimal quantity, BigDecimal reserved,
                BigDecimal backordered, String unitCode, String unitName) {
        }
        Map<Integer, Line> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select line_no, product_id, sku, quantity, reserved, backordered, unit_code, unit_name
                          from ordering.order_line where order_id = :id order by line_no""")
                .param("id", orderId).query(Line.class).list().forEach(l -> lines.put(l.lineNo(), l));
        Map<Integer, BigDecimal> next = new LinkedHashMap<>();
        lines.forEach((no, line) -> next.put(no, line.quantity()));
        List<String> what = new ArrayList<>();
        quantities.forEach((no, quantity) -> {
            Line line = lines.get(no);
            if (line == null) {
                throw DomainException.invalid("bad-line", "orders.ship.unknown-line", no);
            }
            if (quantity == null || quantity.signum() < 0 || quantity.compareTo(line.quantity()) > 0) {
                throw DomainException.invalid("only-less", "approval.only-less", line.sku(),
                        QuantityPolicy.plain(line.quantity()));
            }
            if (quantity.signum() > 0) {
                QuantityPolicy.check(quantity, line.unitCode(), line.unitName()).ifPresent(reason -> {
                    throw Checkout.lineRefusal("bad-quantity", line.sku(), reason);
                });
            }
            if (quantity.compareTo(line.quantity()) != 0) {
                next.put(no, quantity);
                what.add(line.sku() + " " + QuantityPolicy.plain(line.quantity()) + " → " + QuantityPolicy.plain(quantity));
            }
        });
        if (what.isEmpty()) {
            throw DomainException.invalid("nothing-changed", "approval.nothing-changed");
        }
        next.values().removeIf(q -> q.signum() == 0);
        if (next.isEmpty()) {
            throw DomainException.invalid("empty-order", "approval.empty");
        }
        List<Integer> kept = List.copyOf(next.keySet());
        Quote quote = pricing.quote(order.legalEntityId(), kept.stream()
                .map(no -> new QuoteLine(null, lines.get(no).productId(), next.get(no))).toList());
        if (!quote.orderable()) {
            throw DomainException.invalid("no-price", "approval.no-price");
        }
        if (quote.minimumOrderShortfall().signum() > 0) {
            throw DomainException.invalid("below-minimum", "approval.below-minimum",
                    quote.minimumOrderAmount().setScale(2, RoundingMode.HALF_UP),
                    quote.minimumOrderShortfall().setScale(2, RoundingMode.HALF_UP));
        }
        Map<Long, BigDecimal> release = new HashMap<>();
        lines.forEach((no, line) -> {
            BigDecimal quantity = next.getOrDefault(no, BigDecimal.ZERO);
            BigDecimal reserved = line.reserved().min(quantity);
            if (line.reserved().compareTo(reserved) > 0) {
                release.merge(line.productId(), line.reserved().subtract(reserved), BigDecimal::add);
            }
        });
        catalog.releaseReserved(release);
        jdbc.sql("delete from ordering.order_line where order_id = :id and not (line_no = any(cast(:kept as int[])))")
                .param("id", orderId).param("kept", kept.toArray(Integer[]::new)).update();
        for (int i = 0; i < kept.size(); i++) {
            Line line = lines.get(kept.get(i));
            BigDecimal quantity = next.get(line.lineNo());
            BigDecimal reserved = line.reserved().min(quantity);
            PricedLine price = quote.lines().get(i);
            jdbc.sql("""
                            update ordering.order_line
                               set quantity = :quantity, reserved = :reserved, backordered = :backordered,
                                   unit_net = :unitNet, unit_gross = :unitGross, line_net = :net, line_vat = :vat,
                                   line_gross = :gross
                             where order_id = :id and line_no = :no""")
                    .param("quantity", quantity).param("reserved", reserved)
                    .param("backordered", quantity.subtract(reserved)).param("unitNet", price.unitNet())
                    .param("unitGross", price.unitGross()).param("net", price.lineNet()).param("vat", price.lineVat())
                    .param("gross", price.lineGross()).param("id", orderId).param("no", line.lineNo()).update();
        }
        boolean wasApproved = jdbc.sql("""
                        select exists (select 1 from ordering.order_event where order_id = :id and action = 'APPROVED')""")
                .param("id", orderId).query(Boolean.class).single();
        OrderStatus to = !approver && order.status() == OrderStatus.PLACED && wasApproved
                ? OrderStatus.AWAITING_APPROVAL : order.status();
        jdbc.sql("""
                        update ordering.orders
                           set total_net = :net, total_vat = :vat, total_gross = :gross, status = :status,
                               updated_at = now(), version = version + 1
                         where id = :id""")
                .param("net", quote.totals().net()).param("vat", quote.totals().vat())
                .param("gross", quote.totals().gross()).param("status", to.name()).param("id", orderId).update();
        OrderHistory.record(jdbc, orderId, userId, "CHANGED", order.status(), to, String.join(", ", what));
        events.publishEvent(new OrderChanged(order.id(), order.number(), order.companyId(), order.legalEntityId(),
                order.currency(), quote.totals().net(), quote.totals().vat(), quote.totals().gross(), to.name()));
    }

    /** Whether this user may approve the order now: it waits, and it is not theirs. */
    @Transactional(readOnly = true)
    public boolean mayApprove(long orderId, long userId) {
        return jdbc.sql("""
                        select exists (select 1 from ordering.orders
                                        where id = :id and status = 'AWAITING_APPROVAL' and placed_by <> :user)""")
                .param("id", orderId).param("user", userId).query(Boolean.class).single();
    }

    /** Whether this user placed the order and may still lower its quantities. */
    @Transactional(readOnly = true)
    public boolean mayChangeOwn(long orderId, long userId) {
        return jdbc.sql("""
                        select exists (select 1 from ordering.orders
                                        where id = :id and status in ('AWAITING_APPROVAL', 'PLACED') and placed_by = :user)""")
                .param("id", orderId).param("user", userId).query(Boolean.class).single();
    }

    private Locked lockWaiting(long orderId, long approverId) {
        Locked order = lock(orderId);
        requireWaiting(order, approverId);
        return order;
    }

    private static void requireWaiting(Locked order, long approverId) {
        if (order.status() != OrderStatus.AWAITING_APPROVAL) {
            throw DomainException.conflict("not-awaiting-approval", "approval.not-waiting", order.number());
        }
        if (order.placedBy() == approverId) {
            throw new DomainException(403, "own-order", "approval.own-order");
        }
    }

    private Locked lock(long orderId) {
        return jdbc.sql("""
                        select id, number, company_id, legal_entity_id, placed_by, status, currency
                          from ordering.orders where id = :id for update""")
                .param("id", orderId).query(Locked.class).optional()
                .orElseThrow(() -> DomainException.notFound("order", orderId));
    }

    private static String text(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        if (comment.strip().length() > 500) {
            throw DomainException.invalid("reason-too-long", "orders.cancel.reason-too-long", 500);
        }
        return comment.strip();
    }
}
