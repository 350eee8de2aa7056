package io.b2bportal.ordering.order;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes one row of an order's history: who, what, from which status to which, and why. */
final class OrderHistory {

    private OrderHistory() {
    }

    static void record(JdbcClient jdbc, long orderId, Long actorId, String action, OrderStatus from, OrderStatus to,
            String comment) {
        jdbc.sql("""
                        insert into ordering.order_event (order_id, actor_id, action, from_status, to_status, comment)
                        values (:order, :actor, :action, :from, :to, :comment)""")
                .param("order", orderId).param("actor", actorId).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("comment", comment).update();
    }
}
