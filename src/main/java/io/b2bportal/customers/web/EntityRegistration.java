package io.b2bportal.customers.web;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.NewLegalEntity;
import io.b2bportal.platform.PortalUser;
import java.util.ArrayList;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company administrator adds a legal entity: it waits for verification and its creator may act for it. */
@Service
class EntityRegistration {

    private final LegalEntities legalEntities;
    private final Companies companies;

    EntityRegistration(LegalEntities legalEntities, Companies companies) {
        this.legalEntities = legalEntities;
        this.companies = companies;
    }

    @Transactional
    long addEntity(PortalUser admin, long companyId, NewLegalEntity entity) {
        long id = legalEntities.create(companyId, entity);
        var acting = new ArrayList<>(legalEntities.actingFor(admin.id()).stream()
                .filter(e -> e.companyId() == companyId).map(e -> e.id()).toList());
        acting.add(id);
        companies.setEntities(admin.id(), companyId, acting);
        return id;
    }
}
