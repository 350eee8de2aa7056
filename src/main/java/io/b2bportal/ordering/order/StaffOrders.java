package io.b2bportal.ordering.order;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as the seller's staff reach them. Who sees which: as on the customer pages (an account manager only their
 * clients', a catalog manager none; anything else is not found). Who acts: administrators, sales heads, operations
 * and the client's account manager (a seller accountant reads only: 403). Who places an order on a customer's behalf:
 * those who manage the customer (administrators, sales heads, its account manager); each such order is in the
 * customer's audit trail.
 */
@Service
public class StaffOrders {

    private static final Set<Role> ACTORS = EnumSet.of(Role.ADMIN, Role.SALES_HEAD, Role.OPERATIONS,
            Role.ACCOUNT_MANAGER);

    private final CustomersApi customers;
    private final Orders orders;
    private final Submissions submissions;
    private final AuditLog audit;

    StaffOrders(CustomersApi customers, Orders orders, Submissions submissions, AuditLog audit) {
        this.customers = customers;
        this.orders = orders;
        this.submissions = submissions;
        this.audit = audit;
    }

    public Orders.Scope scope(PortalUser staff) {
        if (!staff.isStaff()) {
            throw DomainException.notFound("order", "staff");
        }
        return Orders.Scope.staff(customers.staffManagerFilter(staff));
    }

    /** The order's id, if this member of staff may act on it. */
    public long requireActor(PortalUser staff, String number) {
        long id = orders.idOf(scope(staff), number);
        if (staff.roles().stream().noneMatch(ACTORS::contains)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        return id;
    }

    public boolean mayAct(PortalUser staff) {
        return staff.roles().stream().anyMatch(ACTORS::contains);
    }

    /** The legal entities this member of staff may order for: approved entities of the customers they manage. */
    public List<LegalEntityRef> entitiesForOnBehalf(PortalUser staff, String companyName) {
        return customers.companies(companyName == null ? "" : companyName, 50).stream()
                .filter(c -> customers.staffManages(staff, c.id()))
                .flatMap(c -> customers.legalEntitiesOf(c.id()).stream())
                .filter(LegalEntityRef::approved).toList();
    }

    /** Places an order for a customer's legal entity, as channel ON_BEHALF, and writes it to the audit trail. */
    @Transactional
    public Submissions.Placed placeOnBehalf(PortalUser staff, long legalEntityId, CheckoutRequest request, String key,
            String ip) {
        LegalEntityRef entity = customers.legalEntity(legalEntityId)
                .filter(e -> customers.staffSees(staff, e.companyId()))
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
        if (!customers.staffManages(staff, entity.companyId())) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        Submissions.Placed placed = submissions.place(new Placer(staff.id(), entity.id(), entity.companyId(),
                Channel.ON_BEHALF), request, key);
        if (!placed.replayed()) {
            String numbers = String.join(", ", placed.orderIds().stream().map(orders::numberOf).toList());
            audit.record(staff.id(), "ordering.order.on-behalf",
                    new AuditLog.Customer(entity.companyId(), entity.id(), null),
                    "Order " + numbers + " for " + entity.displayName(), ip);
        }
        return placed;
    }
}
