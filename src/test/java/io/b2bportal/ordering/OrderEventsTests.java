package io.b2bportal.ordering;

import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/** What other modules hear of an order: one event per step, with the order's ids, customer and totals. */
@PortalTest
@RecordApplicationEvents
class OrderEventsTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    ApplicationEvents events;

    @Test
    void eachStepOfAnOrderPublishesItsEvent() {
        OrderFixture fixture = new OrderFixture(jdbc);
        long stroy = fixture.entity(ALPHA_STROY);
        long ops = fixture.user("ops@demo.local");
        String sku = fixture.product("20000", 10, false);
        Placer buyer = new Placer(fixture.user("buyer@alpha.demo"), stroy, fixture.company(ALPHA_STROY), Channel.API);

        long id = checkout.place(buyer, new CheckoutRequest(List.of(), List.of(
                new CheckoutRequest.RequestedLine(sku, new BigDecimal("4"))), false, false, null, List.of(), null, null,
                null)).getFirst();
        lifecycle.confirm(id, ops);
        lifecycle.startFulfilment(id, ops);
        lifecycle.ship(id, ops, Map.of(1, BigDecimal.ONE));
        lifecycle.cancelByStaff(id, ops, "The rest is not needed");

        OrderPlaced placed = events.stream(OrderPlaced.class).filter(e -> e.orderId() == id).findFirst().orElseThrow();
        String number = jdbc.sql("select number from ordering.orders where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(placed.number()).isEqualTo(number);
        assertThat(placed.legalEntityId()).isEqualTo(stroy);
        assertThat(placed.channel()).isEqualTo("API");
        assertThat(placed.gross()).isEqualByComparingTo(jdbc.sql("select total_gross from ordering.orders where id = :id")
                .param("id", id).query(BigDecimal.class).single());
        assertThat(events.stream(OrderConfirmed.class).filter(e -> e.orderId() == id)).hasSize(1);
        assertThat(events.stream(ShipmentDispatched.class).filter(e -> e.orderId() == id)
                .map(ShipmentDispatched::shipment)).containsExactly(1);
        assertThat(events.stream(OrderCancelled.class).filter(e -> e.orderId() == id).map(OrderCancelled::reason))
                .containsExactly("The rest is not needed");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
        assertThat(fixture.onHand(sku)).isEqualByComparingTo("9");
    }
}
