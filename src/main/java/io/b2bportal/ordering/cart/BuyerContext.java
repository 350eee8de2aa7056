package io.b2bportal.ordering.cart;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.CustomerView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The buyer of the current request. Carts belong to a user and a legal entity: the acting one, so a cart of another
 * legal entity or company is simply not there (404). Staff have no carts (404), except read-only while viewing as a
 * customer, and their own carts for the customer's legal entity while acting on its behalf (only while they still
 * manage that customer: 403 otherwise); customer users order if they buy, approve or administer the company, not as
 * accountants only (403).
 */
@Component
public class BuyerContext {

    static final Set<Role> ORDERING_ROLES = Set.of(Role.BUYER, Role.CUSTOMER_ADMIN, Role.APPROVER);

    private final LegalEntityContext context;
    private final CustomersApi customers;

    BuyerContext(LegalEntityContext context, CustomersApi customers) {
        this.context = context;
        this.customers = customers;
    }

    public Buyer require() {
        PortalUser user = PortalUser.current().orElseThrow(() -> DomainException.notFound("cart", "current"));
        LegalEntityRef entity = context.require();
        if (!user.isStaff() && !mayOrder(user)) {
            throw new DomainException(403, "ordering-role", "ordering.role.forbidden");
        }
        if (user.isStaff() && actingOnBehalf()) {
            if (!customers.staffManages(user, entity.companyId())) {
                throw new DomainException(403, "forbidden", "problem.forbidden.detail");
            }
            return new Buyer(user.id(), entity.id(), entity.companyId(), false, true);
        }
        return new Buyer(user.id(), entity.id(), entity.companyId(), user.isStaff());
    }

    /** The buyer, if this request has one that may order (for the header: never throws). */
    public Optional<Buyer> current() {
        Optional<PortalUser> user = PortalUser.current();
        if (user.filter(PortalUser::isStaff).isPresent() && actingOnBehalf()) {
            return context.current().filter(entity -> customers.staffManages(user.get(), entity.companyId()))
                    .map(entity -> new Buyer(user.get().id(), entity.id(), entity.companyId(), false, true));
        }
        return user.filter(u -> !u.isStaff() && mayOrder(u))
                .flatMap(u -> context.current()
                        .map(entity -> new Buyer(u.id(), entity.id(), entity.companyId(), false)));
    }

    /** Whether the staff member of this request acts on a customer's behalf. */
    static boolean actingOnBehalf() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && CustomerView.actingOnBehalf(attributes.getRequest());
    }

    static boolean mayOrder(PortalUser user) {
        return user.roles().stream().anyMatch(ORDERING_ROLES::contains);
    }
}
