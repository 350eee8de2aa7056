package io.b2bportal.pricing.admin.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.PortalUser;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finding a legal entity by its company's name, among the customers the member of staff may see. */
@Component
class EntityPicker {

    private final CustomersApi customers;

    EntityPicker(CustomersApi customers) {
        this.customers = customers;
    }

    /** A company with its legal entities. */
    public record CompanyChoice(long id, String name, List<LegalEntityRef> entities) {
    }

    List<CompanyChoice> find(PortalUser staff, String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return customers.companies(q.strip(), 20).stream()
                .filter(company -> customers.staffSees(staff, company.id()))
                .map(company -> new CompanyChoice(company.id(), company.name(), customers.legalEntitiesOf(company.id())))
                .toList();
    }
}
