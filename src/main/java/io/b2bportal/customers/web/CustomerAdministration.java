package io.b2bportal.customers.web;

import io.b2bportal.customers.LegalEntityApproved;
import io.b2bportal.customers.contract.Contracts;
import io.b2bportal.customers.contract.Contracts.ContractData;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller's actions on customers, shared by the back-office pages and the admin API so both check the
 * same rights: verify a legal entity, edit its contract, assign a group and an account manager.
 */
@Service
public class CustomerAdministration {

    private final CustomerAccess access;
    private final LegalEntities legalEntities;
    private final Contracts contracts;
    private final Companies companies;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CustomerAdministration(CustomerAccess access, LegalEntities legalEntities, Contracts contracts,
            Companies companies, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.access = access;
        this.legalEntities = legalEntities;
        this.contracts = contracts;
        this.companies = companies;
        this.jdbc = jdbc;
        this.events = events;
    }

    record ManagerOption(long id, String displayName) {
    }

    List<ManagerOption> accountManagers() {
        return jdbc.sql("""
                        select id, display_name from platform.user_account
                         where side = 'SELLER' and enabled and 'ACCOUNT_MANAGER' = any (roles)
                         order by display_name""")
                .query(ManagerOption.class).list();
    }

    /** Returns the company of the approved entity; the first approval publishes {@link LegalEntityApproved}. */
    @Transactional
    long approve(PortalUser staff, long legalEntityId) {
        long company = access.requireEntityVisible(staff, legalEntityId);
        access.requireSellerManages(staff, company);
        if (legalEntities.approve(legalEntityId, staff.id())) {
            var entity = legalEntities.ref(legalEntityId).orElseThrow();
            events.publishEvent(new LegalEntityApproved(legalEntityId, company, entity.name(), entity.inn(),
                    entity.kpp(), staff.id()));
        }
        return company;
    }

    @Transactional
    long reject(PortalUser staff, long legalEntityId, String reason) {
        long company = access.requireEntityVisible(staff, legalEntityId);
        access.requireSellerManages(staff, company);
        legalEntities.reject(legalEntityId, staff.id(), reason);
        return company;
    }

    @Transactional
    long saveContract(PortalUser staff, long legalEntityId, ContractData contract) {
        long company = access.requireEntityVisible(staff, legalEntityId);
        access.requireSellerManages(staff, company);
        contracts.save(legalEntityId, contract, staff.id());
        return company;
    }

    /** Only administrators and sales heads reassign customers; the manager must be an account manager. */
    @Transactional
    public void assign(PortalUser staff, long companyId, Long groupId, Long accountManagerId) {
        access.requireCompanyVisible(staff, companyId);
        if (!staff.has(Role.ADMIN) && !staff.has(Role.SALES_HEAD)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        if (accountManagerId != null && accountManagers().stream().noneMatch(m -> m.id() == accountManagerId)) {
            throw DomainException.invalid("not-an-account-manager", "customers.assign.not-manager", accountManagerId);
        }
        if (groupId != null && companies.groups().stream().noneMatch(g -> g.id() == groupId)) {
            throw DomainException.notFound("customer-group", groupId);
        }
        Long previous = companies.accountManagerOf(companyId).orElse(null);
        companies.assign(companyId, groupId, accountManagerId);
        if (!java.util.Objects.equals(previous, accountManagerId)) {
            events.publishEvent(new io.b2bportal.customers.AccountManagerChanged(companyId, previous,
                    accountManagerId, staff.id()));
        }
    }

    long createGroup(PortalUser staff, String code, String name) {
        requireGroupAdmin(staff);
        return companies.createGroup(code, name);
    }

    void requireGroupAdmin(PortalUser staff) {
        if (!staff.has(Role.ADMIN) && !staff.has(Role.SALES_HEAD)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }
}
