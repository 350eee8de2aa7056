package io.b2bportal.pricing.admin;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may change prices. Every member of staff reads the pricing rules. Price lists, price types, the price types of
 * customer groups and promotions are changed by administrators, sales heads and catalog (pricing) managers. A legal
 * entity's contract prices belong to the customer relationship: administrators, sales heads and the customer's
 * account manager change them, and an account manager sees only their own clients' (as on the customer pages).
 */
@Component
public class PricingAdminAccess {

    private static final Set<Role> RULE_EDITORS = EnumSet.of(Role.ADMIN, Role.SALES_HEAD, Role.CATALOG_MANAGER);

    private final CustomersApi customers;

    PricingAdminAccess(CustomersApi customers) {
        this.customers = customers;
    }

    public boolean mayEditRules(PortalUser user) {
        return user.isStaff() && user.roles().stream().anyMatch(RULE_EDITORS::contains);
    }

    public void requireStaff(PortalUser user) {
        if (user == null || !user.isStaff()) {
            throw forbidden();
        }
    }

    public void requireRuleEditor(PortalUser user) {
        if (!mayEditRules(user)) {
            throw forbidden();
        }
    }

    /** The company of a legal entity this member of staff may see; "not found" otherwise, so nothing leaks. */
    public long requireEntityVisible(PortalUser staff, long legalEntityId) {
        requireStaff(staff);
        return customers.legalEntity(legalEntityId).map(entity -> entity.companyId())
                .filter(company -> customers.staffSees(staff, company))
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
    }

    public boolean mayEditContractPrices(PortalUser staff, long companyId) {
        return customers.staffManages(staff, companyId);
    }

    public void requireContractPriceEditor(PortalUser staff, long legalEntityId) {
        long company = requireEntityVisible(staff, legalEntityId);
        if (!mayEditContractPrices(staff, company)) {
            throw forbidden();
        }
    }

    private static DomainException forbidden() {
        return new DomainException(403, "forbidden", "problem.forbidden.detail");
    }
}
