package io.b2bportal.customers.contract;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.ContractTerms.DeliveryTerms;
import io.b2bportal.customers.ContractTerms.PaymentTerms;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Supply contracts, one per legal entity. No contract means the default terms. */
@Repository
public class Contracts {

    private final JdbcClient jdbc;

    Contracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contract as staff edit it. */
    public record ContractData(String number, LocalDate startsOn, LocalDate endsOn, String priceType,
            PaymentTerms paymentTerms, int deferralDays, BigDecimal creditLimit, BigDecimal minOrderAmount,
            String currency, String assortment, DeliveryTerms deliveryTerms, String status) {
    }

    public ContractTerms termsOf(long legalEntityId) {
        return find(legalEntityId).map(Contracts::terms).orElseGet(ContractTerms::defaults);
    }

    public Optional<ContractData> find(long legalEntityId) {
        return jdbc.sql("""
                        select number, starts_on, ends_on, price_type, payment_terms, deferral_days, credit_limit,
                               min_order_amount, currency, assortment, delivery_terms, status
                          from customers.contract where legal_entity_id = :entity""")
                .param("entity", legalEntityId).query(ContractData.class).optional();
    }

    /** Creates or replaces the contract of a legal entity (validated by the caller). */
    public void save(long legalEntityId, ContractData contract, long staffId) {
        jdbc.sql("""
                        insert into customers.contract (legal_entity_id, number, starts_on, ends_on, price_type,
                            payment_terms, deferral_days, credit_limit, min_order_amount, currency, assortment,
                            delivery_terms, status, updated_by)
                        values (:entity, :number, :startsOn, :endsOn, :priceType, :paymentTerms, :deferralDays,
                            :creditLimit, :minOrder, :currency, :assortment, :deliveryTerms, :status, :staff)
                        on conflict (legal_entity_id) do update set
                            number = excluded.number, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                            price_type = excluded.price_type, payment_terms = excluded.payment_terms,
                            deferral_days = excluded.deferral_days, credit_limit = excluded.credit_limit,
                            min_order_amount = excluded.min_order_amount, currency = excluded.currency,
                            assortment = excluded.assortment, delivery_terms = excluded.delivery_terms,
                            status = excluded.status, updated_by = excluded.updated_by, updated_at = now()""")
                .param("entity", legalEntityId).param("number", contract.number())
                .param("startsOn", contract.startsOn()).param("endsOn", contract.endsOn())
                .param("priceType", contract.priceType()).param("paymentTerms", contract.paymentTerms().name())
                .param("deferralDays", contract.deferralDays()).param("creditLimit", contract.creditLimit())
                .param("minOrder", contract.minOrderAmount()).param("currency", contract.currency())
                .param("assortment", contract.assortment()).param("deliveryTerms", contract.deliveryTerms().name())
                .param("status", contract.status()).param("staff", staffId)
                .update();
    }

    private static ContractTerms terms(ContractData c) {
        Currency currency = Currency.getInstance(c.currency());
        return new ContractTerms(c.number(), c.startsOn(), c.endsOn(), c.priceType(), c.paymentTerms(),
                c.deferralDays(), new Money(c.creditLimit(), currency), new Money(c.minOrderAmount(), currency),
                c.assortment(), c.deliveryTerms(), c.status());
    }
}
