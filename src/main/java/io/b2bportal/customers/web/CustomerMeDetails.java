package io.b2bportal.customers.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.platform.MeDetails;
import io.b2bportal.platform.PortalUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Adds the caller's company, legal entities and active legal entity to {@code GET /api/v1/me}. */
@Component
class CustomerMeDetails implements MeDetails {

    private final Companies companies;
    private final CustomersApi customers;
    private final LegalEntityContext context;

    CustomerMeDetails(Companies companies, CustomersApi customers, LegalEntityContext context) {
        this.companies = companies;
        this.customers = customers;
        this.context = context;
    }

    @Override
    public Map<String, Object> describe(PortalUser user) {
        if (user.isStaff()) {
            return Map.of();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        companies.companyOfUser(user.id()).flatMap(companies::view)
                .ifPresent(company -> details.put("company", Map.of("id", company.id(), "name", company.name())));
        details.put("legalEntities", customers.actingEntities(user.id()));
        details.put("activeLegalEntity", context.current().map(LegalEntityRef::id).orElse(null));
        return details;
    }
}
