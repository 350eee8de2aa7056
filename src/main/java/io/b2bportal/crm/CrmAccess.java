package io.b2bportal.crm;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who sees which CRM data. Only the sales side works in the CRM (the security configuration lets in
 * administrators, sales heads and account managers; customers never). Administrators and sales heads see every
 * client and deal; an account manager sees their own clients (the companies they manage) and the deals they own
 * or that belong to their clients. What someone may not see is "not found", so its existence does not leak.
 */
@Component
public class CrmAccess {

    /** The roles that work in the CRM at all. */
    public static final Set<Role> CRM_ROLES = EnumSet.of(Role.ADMIN, Role.SALES_HEAD, Role.ACCOUNT_MANAGER);
    private static final Set<Role> SEE_ALL = EnumSet.of(Role.ADMIN, Role.SALES_HEAD);

    private final CustomersApi customers;

    CrmAccess(CustomersApi customers) {
        this.customers = customers;
    }

    public boolean seesAll(PortalUser staff) {
        return staff.isStaff() && staff.roles().stream().anyMatch(SEE_ALL::contains);
    }

    /** For lists: null when this person sees everything, otherwise the user id whose clients and deals they see. */
    public Long ownerFilter(PortalUser staff) {
        requireCrmUser(staff);
        return seesAll(staff) ? null : staff.id();
    }

    public void requireCrmUser(PortalUser user) {
        if (!user.isStaff() || user.roles().stream().noneMatch(CRM_ROLES::contains)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    public boolean seesClient(PortalUser staff, long companyId) {
        if (!staff.isStaff() || staff.roles().stream().noneMatch(CRM_ROLES::contains)) {
            return false;
        }
        return seesAll(staff) || customers.accountManagerOf(companyId).filter(id -> id == staff.id()).isPresent();
    }

    /** A client this person may see and work with; otherwise 404. */
    public void requireClient(PortalUser staff, long companyId) {
        if (!seesClient(staff, companyId)) {
            throw DomainException.notFound("client", companyId);
        }
    }

    /** A deal (or lead, task) this person may see: everyone's for heads, else their own or their clients'. */
    public boolean seesOwned(PortalUser staff, long ownerId, Long companyId) {
        if (!staff.isStaff() || staff.roles().stream().noneMatch(CRM_ROLES::contains)) {
            return false;
        }
        return seesAll(staff) || ownerId == staff.id() || (companyId != null && seesClient(staff, companyId));
    }

    public void requireOwned(PortalUser staff, String what, long id, long ownerId, Long companyId) {
        if (!seesOwned(staff, ownerId, companyId)) {
            throw DomainException.notFound(what, id);
        }
    }
}
