package io.b2bportal.customers.agreement;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.NewLegalEntity;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh customer of its own for each test that accepts contracts, so tests never depend on what another test
 * (or the demo) accepted: a company with an approved legal entity, its administrator and a buyer.
 */
public final class AgreementFixture {

    public static final String PASSWORD = "fixture-password-1";

    private final Companies companies;
    private final LegalEntities legalEntities;
    private final PlatformApi platform;
    private final long staffId;

    public AgreementFixture(Companies companies, LegalEntities legalEntities, PlatformApi platform) {
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.platform = platform;
        this.staffId = platform.accountId("admin@demo.local").orElseThrow();
    }

    /** A customer whose users can sign in with {@link #PASSWORD}. */
    public record Customer(long companyId, long legalEntityId, String name, String inn, PortalUser admin,
            PortalUser buyer) {
    }

    public Customer approvedCustomer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long company = companies.create("Fixture " + tag, null, null);
        String name = "ООО «Тест " + tag + "»";
        String inn = freshInn();
        long entity = legalEntities.create(company, newEntity(name, inn));
        legalEntities.approve(entity, staffId);
        PortalUser admin = user("admin-" + tag + "@fixture.test", "Админ " + tag, Role.CUSTOMER_ADMIN);
        PortalUser buyer = user("buyer-" + tag + "@fixture.test", "Закупщик " + tag, Role.BUYER);
        companies.addMember(admin.id(), company, List.of(entity));
        companies.addMember(buyer.id(), company, List.of(entity));
        return new Customer(company, entity, name, inn, admin, buyer);
    }

    /** Another legal entity of the customer, approved (or left pending). */
    public long entityOf(Customer customer, boolean approved) {
        long entity = legalEntities.create(customer.companyId(), newEntity("ООО «Ещё " + freshInn() + "»", freshInn()));
        if (approved) {
            legalEntities.approve(entity, staffId);
        }
        return entity;
    }

    private PortalUser user(String email, String name, Role role) {
        long id = platform.createAccount(email, name, Role.Side.CUSTOMER, Set.of(role), PASSWORD, false);
        return platform.account(id).orElseThrow();
    }

    private static NewLegalEntity newEntity(String name, String inn) {
        return new NewLegalEntity(name, "ORGANISATION", "RU", inn, "770401001", "1027700132195", null,
                "119034, г. Москва, ул. Тестовая, д. 1", null, "044525225", "ПАО Сбербанк", "40702810938000012345",
                "30101810400000000225", true);
    }

    /** A valid organisation INN (control digit and all) that is almost surely not registered yet. */
    public static String freshInn() {
        String nine = String.format("78%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        return nine + (sum % 11 % 10);
    }
}
