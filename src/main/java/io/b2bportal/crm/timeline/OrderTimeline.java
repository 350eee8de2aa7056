package io.b2bportal.crm.timeline;

import io.b2bportal.ordering.OrderCancelled;
import io.b2bportal.ordering.OrderChanged;
import io.b2bportal.ordering.OrderConfirmed;
import io.b2bportal.ordering.OrderDelivered;
import io.b2bportal.ordering.OrderPlaced;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.ShipmentDispatched;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Orders on the client's timeline: placed, changed, confirmed, shipped, delivered, cancelled. */
@Component
class OrderTimeline {

    private final Timeline timeline;
    private final OrderingApi orders;

    OrderTimeline(Timeline timeline, OrderingApi orders) {
        this.timeline = timeline;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        var order = orders.order(placed.orderId());
        Instant at = order.map(o -> o.placedAt().toInstant()).orElseGet(Instant::now);
        Long actor = order.map(o -> o.placedBy()).orElse(null);
        timeline.record(new Timeline.Entry(placed.companyId(), placed.legalEntityId(), at, "ORDER",
                "crm.timeline.order.placed", List.of(placed.number(), SourceTime.money(placed.gross(),
                        placed.currency())), "ORDER", placed.orderId(), actor, "order-placed:" + placed.orderId()));
    }

    @ApplicationModuleListener
    void on(OrderChanged changed) {
        timeline.record(new Timeline.Entry(changed.companyId(), changed.legalEntityId(), at(changed.orderId(),
                "CHANGED"), "ORDER", "crm.timeline.order.changed", List.of(changed.number(),
                SourceTime.money(changed.gross(), changed.currency())), "ORDER", changed.orderId(), null,
                "order-changed:" + changed.orderId() + ":" + changed.gross().toPlainString() + ":"
                        + changed.net().toPlainString() + ":" + changed.status()));
    }

    @ApplicationModuleListener
    void on(OrderConfirmed confirmed) {
        timeline.record(new Timeline.Entry(confirmed.companyId(), confirmed.legalEntityId(),
                at(confirmed.orderId(), "CONFIRMED"), "ORDER", "crm.timeline.order.confirmed",
                List.of(confirmed.number()), "ORDER", confirmed.orderId(), null,
                "order-confirmed:" + confirmed.orderId()));
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched dispatched) {
        Instant at = orders.shipment(dispatched.orderId(), dispatched.shipment())
                .map(s -> s.shippedAt().toInstant()).orElseGet(() -> at(dispatched.orderId(), "SHIPPED"));
        timeline.record(new Timeline.Entry(dispatched.companyId(), dispatched.legalEntityId(), at, "SHIPMENT",
                "crm.timeline.shipment.dispatched", List.of(dispatched.number(),
                        String.valueOf(dispatched.shipment())), "ORDER", dispatched.orderId(), null,
                "shipment:" + dispatched.orderId() + ":" + dispatched.shipment()));
    }

    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        timeline.record(new Timeline.Entry(delivered.companyId(), delivered.legalEntityId(),
                at(delivered.orderId(), "DELIVERED"), "SHIPMENT", "crm.timeline.order.delivered",
                List.of(delivered.number()), "ORDER", delivered.orderId(), null,
                "order-delivered:" + delivered.orderId()));
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        timeline.record(new Timeline.Entry(cancelled.companyId(), cancelled.legalEntityId(),
                at(cancelled.orderId(), "CANCELLED"), "ORDER", "crm.timeline.order.cancelled",
                List.of(cancelled.number(), cancelled.reason() == null ? "—" : cancelled.reason()), "ORDER",
                cancelled.orderId(), null, "order-cancelled:" + cancelled.orderId()));
    }

    private Instant at(long orderId, String action) {
        return orders.historyAt(orderId, action).orElseGet(Instant::now);
    }
}
