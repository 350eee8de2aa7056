package io.b2bportal.claims.claim;

import io.b2bportal.claims.claim.ClaimQueries.ClaimSummary;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who sees a claim. A customer user: the claims of the legal entity they act for now (another entity's claim does
 * not exist for them: 404). Staff: administrators, sales heads, operations, accountants and account managers (only
 * of their own clients); catalog managers none.
 */
@Component
public class ClaimAccess {

    static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.SALES_HEAD, Role.OPERATIONS, Role.ACCOUNT_MANAGER,
            Role.SELLER_ACCOUNTANT);

    private final ClaimQueries queries;
    private final LegalEntityContext context;
    private final CustomersApi customers;

    ClaimAccess(ClaimQueries queries, LegalEntityContext context, CustomersApi customers) {
        this.queries = queries;
        this.context = context;
        this.customers = customers;
    }

    /** The acting legal entity of a customer user; 404 for staff, who have no buyer-side claims. */
    public long buyerEntity(PortalUser user) {
        if (user.isStaff()) {
            throw DomainException.notFound("claim", "buyer");
        }
        return context.require().id();
    }

    /** A claim of the buyer's acting legal entity, or 404. */
    public ClaimSummary buyerClaim(PortalUser user, long claimId) {
        long entity = buyerEntity(user);
        return queries.summary(claimId).filter(c -> c.legalEntityId() == entity)
                .orElseThrow(() -> DomainException.notFound("claim", claimId));
    }

    public boolean isClaimStaff(PortalUser user) {
        return user.isStaff() && user.roles().stream().anyMatch(STAFF::contains);
    }

    /** Staff who work claims at all; others are refused (403). */
    public void requireStaff(PortalUser user) {
        if (!isClaimStaff(user)) {
            throw new DomainException(403, "forbidden", "claims.refused.staff-only");
        }
    }

    /** A claim this member of staff may see, or 404. */
    public ClaimSummary staffClaim(PortalUser user, long claimId) {
        requireStaff(user);
        return queries.summary(claimId).filter(c -> customers.staffSees(user, c.companyId()))
                .orElseThrow(() -> DomainException.notFound("claim", claimId));
    }

    /** For the queue: the account manager whose clients alone this member of staff sees, or null for all. */
    public Long managerFilter(PortalUser user) {
        return customers.staffManagerFilter(user);
    }
}
