package io.b2bportal.customers.entity;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which customer. Customer users: their own company only, and among its legal
 * entities only those they may act for (a company administrator: all of them). Staff: administrators, sales
 * heads, operations and accountants see every customer; an account manager only their own clients; a
 * catalog manager none. Changing a customer's verification or contract: administrators, sales heads and the
 * client's account manager. What someone may not see is "not found", so its existence does not leak.
 */
@Component
public class CustomerAccess {

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.ADMIN, Role.SALES_HEAD, Role.OPERATIONS,
            Role.SELLER_ACCOUNTANT);
    private static final Set<Role> MANAGE_ALL = EnumSet.of(Role.ADMIN, Role.SALES_HEAD);
    private static final long NOBODY = -1;

    private final Companies companies;
    private final LegalEntities legalEntities;
    private final java.util.function.Supplier<java.util.Optional<Long>> actingCompany;

    CustomerAccess(Companies companies, LegalEntities legalEntities,
            org.springframework.beans.factory.ObjectProvider<io.b2bportal.customers.LegalEntityContext> context) {
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.actingCompany = () -> context.getObject().current().map(io.b2bportal.customers.LegalEntityRef::companyId);
    }

    /** For staff lists: null means every customer, otherwise only those of this account manager id. */
    public Long managerFilter(PortalUser staff) {
        if (staff.roles().stream().anyMatch(SEE_ALL::contains)) {
            return null;
        }
        return staff.has(Role.ACCOUNT_MANAGER) ? staff.id() : NOBODY;
    }

    public boolean canSeeCompany(PortalUser user, long companyId) {
        if (!user.isStaff()) {
            return companies.isMember(user.id(), companyId);
        }
        Long filter = managerFilter(user);
        return filter == null || companies.accountManagerOf(companyId).filter(filter::equals).isPresent();
    }

    public void requireCompanyVisible(PortalUser user, long companyId) {
        if (!canSeeCompany(user, companyId)) {
            throw DomainException.notFound("company", companyId);
        }
    }

    /** Staff who may verify a customer's entities and edit its contracts. */
    public void requireSellerManages(PortalUser staff, long companyId) {
        requireCompanyVisible(staff, companyId);
        if (!sellerManages(staff, companyId)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    /** The same rule as {@link #requireSellerManages}, for pages that offer the actions only to those allowed. */
    public boolean sellerManages(PortalUser staff, long companyId) {
        return staff.isStaff() && (staff.roles().stream().anyMatch(MANAGE_ALL::contains)
                || (staff.has(Role.ACCOUNT_MANAGER)
                    && companies.accountManagerOf(companyId).filter(id -> id == staff.id()).isPresent()));
    }

    /**
     * The company of a customer user, or the one a staff member is viewing as (read-only); not found for other
     * staff and for users without a company.
     */
    public long ownCompany(PortalUser customer) {
        if (customer.isStaff()) {
            return viewedCompany(customer).orElseThrow(() -> DomainException.notFound("company", "own"));
        }
        // someone who works for several companies sees the company of the legal entity they act for now
        return actingCompany.get().or(() -> companies.companyOfUser(customer.id()))
                .orElseThrow(() -> DomainException.notFound("company", "own"));
    }

    /** A customer administrator's own company; anyone else is refused. */
    public long administeredCompany(PortalUser customer) {
        long company = ownCompany(customer);
        if (!customer.has(Role.CUSTOMER_ADMIN)) {
            throw new DomainException(403, "forbidden", "customers.access.admin-only");
        }
        return company;
    }

    /** The company a staff member is viewing the portal as, if they still may see it. */
    public java.util.Optional<Long> viewedCompany(PortalUser staff) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        return io.b2bportal.platform.CustomerView.of(request).map(view -> view.companyId())
                .filter(company -> canSeeCompany(staff, company));
    }

    /** Whether a user may see this legal entity (customers: act for it, or administer its company). */
    public boolean canSeeEntity(PortalUser user, long legalEntityId) {
        Long companyId = companies.companyOfEntity(legalEntityId).orElse(null);
        if (companyId == null || !canSeeCompany(user, companyId)) {
            return false;
        }
        return user.isStaff() || user.has(Role.CUSTOMER_ADMIN)
                || legalEntities.actingFor(user.id()).stream().anyMatch(e -> e.id() == legalEntityId);
    }

    public long requireEntityVisible(PortalUser user, long legalEntityId) {
        if (!canSeeEntity(user, legalEntityId)) {
            throw DomainException.notFound("legal-entity", legalEntityId);
        }
        return Objects.requireNonNull(companies.companyOfEntity(legalEntityId).orElse(null));
    }
}
