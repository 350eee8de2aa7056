package io.b2bportal.support;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer company of a test's own: one approved legal entity (a random INN), a 30-day deferral contract with a
 * credit limit of 100 million, and a default delivery address; no users yet.
 */
public final class TestCustomers {

    private TestCustomers() {
    }

    public record Created(long companyId, long legalEntityId) {
    }

    public static Created create(JdbcClient jdbc, String name, Long accountManagerId, String contractNumber) {
        long company = jdbc.sql("""
                        insert into customers.company (name, account_manager_id) values (:name, :manager) returning id""")
                .param("name", name).param("manager", accountManagerId).query(Long.class).single();
        String inn = "9" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        long entity = jdbc.sql("""
                        insert into customers.legal_entity (company_id, name, legal_form, inn, kpp, legal_address,
                                                            status, verified_at)
                        values (:company, :name, 'ORGANISATION', :inn, '770101001', 'г. Москва, ул. Тестовая, д. 1',
                                'APPROVED', now())
                        returning id""")
                .param("company", company).param("name", "ООО «" + name + "»").param("inn", inn)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into customers.contract (legal_entity_id, number, starts_on, payment_terms, deferral_days,
                                                        credit_limit)
                        values (:entity, :number, date '2026-01-01', 'DEFERRAL', 30, 100000000)""")
                .param("entity", entity).param("number", contractNumber).update();
        jdbc.sql("""
                        insert into customers.address (legal_entity_id, label, address, is_default)
                        values (:entity, 'Склад', 'г. Москва, ул. Тестовая, д. 1', true)""")
                .param("entity", entity).update();
        return new Created(company, entity);
    }
}
