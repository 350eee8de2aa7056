package io.b2bportal.ordering.cart;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The buyer of the current request. Carts belong to a user and a legal entity: the acting one, so a cart of another
 * legal entity or company is simply not there (404). Staff have no carts (404), except read-only while viewing as a
 * customer; customer users order if they buy, approve or administer the company, not as accountants only (403).
 */
@Component
public class BuyerContext {

    static final Set<Role> ORDERING_ROLES = Set.of(Role.BUYER, Role.CUSTOMER_ADMIN, Role.APPROVER);

    private final LegalEntityContext context;

    BuyerContext(LegalEntityContext context) {
        this.context = context;
    }

    public Buyer require() {
        PortalUser user = PortalUser.current().orElseThrow(() -> DomainException.notFound("cart", "current"));
        LegalEntityRef entity = context.require();
        if (!user.isStaff() && !mayOrder(user)) {
            throw new DomainException(403, "ordering-role", "ordering.role.forbidden");
        }
        return new Buyer(user.id(), entity.id(), entity.companyId(), user.isStaff());
    }

    /** The buyer, if this request has one that may order (for the header: never throws). */
    public Optional<Buyer> current() {
        return PortalUser.current().filter(user -> !user.isStaff() && mayOrder(user))
                .flatMap(user -> context.current()
                        .map(entity -> new Buyer(user.id(), entity.id(), entity.companyId(), false)));
    }

    static boolean mayOrder(PortalUser user) {
        return user.roles().stream().anyMatch(ORDERING_ROLES::contains);
    }
}
