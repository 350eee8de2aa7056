package io.b2bportal.ordering.order;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.platform.AuditLog;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a member of staff acting on a customer's behalf did to orders, in the audit log with both identities: the staff
 * member, the customer's company and legal entity, and the customer's user who placed the order when it is not the
 * staff member's own.
 */
@Component
public class OnBehalfAudit {

    private final AuditLog audit;
    private final JdbcClient jdbc;

    OnBehalfAudit(AuditLog audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Orders placed on the customer's behalf (channel ON_BEHALF, placed by the staff member). */
    public void placed(Buyer staff, List<Long> orderIds, String ip) {
        List<String> numbers = jdbc.sql("""
                        select number from ordering.orders where id = any(cast(:ids as bigint[])) order by id""")
                .param("ids", orderIds.toArray(Long[]::new)).query(String.class).list();
        audit.record(staff.userId(), "ordering.order.on-behalf", customer(staff, null),
                "Order " + String.join(", ", numbers) + " placed (ON_BEHALF)", ip);
    }

    /** An order of the customer changed or cancelled on its behalf; {@code action} names what. */
    public void orderChanged(Buyer staff, long orderId, String action, String ip) {
        record Order(String number, long placedBy, String status) {
        }
        Order order = jdbc.sql("select number, placed_by, status from ordering.orders where id = :id")
                .param("id", orderId).query(Order.class).single();
        Long customerUser = order.placedBy() == staff.userId() ? null : order.placedBy();
        audit.record(staff.userId(), action, customer(staff, customerUser),
                "Order " + order.number() + " → " + order.status(), ip);
    }

    private static AuditLog.Customer customer(Buyer staff, Long customerUser) {
        return new AuditLog.Customer(staff.companyId(), staff.legalEntityId(), customerUser);
    }
}
