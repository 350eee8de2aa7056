package io.b2bportal.payments.credit;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who of the staff sees the finance pages and does what there. Seller accountants, sales heads and administrators see
 * every customer's receivables; an account manager sees their own clients'; other staff (operations, catalog) none.
 * Only seller accountants and administrators release credit holds.
 */
@Component
public class FinanceStaff {

    private static final Set<Role> READERS = EnumSet.of(Role.SELLER_ACCOUNTANT, Role.SALES_HEAD, Role.ADMIN,
            Role.ACCOUNT_MANAGER);
    private static final Set<Role> RELEASERS = EnumSet.of(Role.SELLER_ACCOUNTANT, Role.ADMIN);

    private final CustomersApi customers;

    FinanceStaff(CustomersApi customers) {
        this.customers = customers;
    }

    /**
     * The account manager whose clients alone this member of staff sees (null: all); 403 for staff without finance
     * access and for customers.
     */
    public Long requireReader(PortalUser user) {
        if (!user.isStaff() || user.roles().stream().noneMatch(READERS::contains)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        boolean all = user.roles().stream().anyMatch(r -> r != Role.ACCOUNT_MANAGER && READERS.contains(r));
        return all ? null : user.id();
    }

    /** 404 when the company is not one this member of staff may see (as the customer pages do). */
    public void requireSees(PortalUser user, long companyId) {
        Long manager = requireReader(user);
        if (manager != null && !customers.staffSees(user, companyId)) {
            throw DomainException.notFound("company", companyId);
        }
    }

    public boolean mayRelease(PortalUser user) {
        return user.isStaff() && user.roles().stream().anyMatch(RELEASERS::contains);
    }

    public void requireReleaser(PortalUser user) {
        if (!mayRelease(user)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }
}
