package io.b2bportal.customers.web;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.Companies.MemberView;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Service;

/** Switching company users on and off, the same for the page and the API. */
@Service
class CompanyUsers {

    private final CustomerAccess access;
    private final Companies companies;
    private final PlatformApi platform;

    CompanyUsers(CustomerAccess access, Companies companies, PlatformApi platform) {
        this.access = access;
        this.companies = companies;
        this.platform = platform;
    }

    /** A deactivated user's sessions and API keys stop working on their next request. */
    MemberView setEnabled(PortalUser admin, long userId, boolean enabled) {
        long company = access.administeredCompany(admin);
        member(company, userId);
        if (userId == admin.id() && !enabled) {
            throw DomainException.conflict("self-deactivation", "customers.member.self");
        }
        platform.setEnabled(userId, enabled);
        return member(company, userId);
    }

    MemberView member(long company, long userId) {
        return companies.members(company).stream().filter(m -> m.userId() == userId).findFirst()
                .orElseThrow(() -> DomainException.notFound("user", userId));
    }
}
