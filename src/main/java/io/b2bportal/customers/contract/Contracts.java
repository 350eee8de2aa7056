package io.b2bportal.customers.contract;

import io.b2bportal.customers.BuyingTerms;
import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.ContractTerms.DeliveryTerms;
import io.b2bportal.customers.ContractTerms.PaymentTerms;
import io.b2bportal.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return jdbc.sql("select " + COLUMNS + " from customers.contract k where k.legal_entity_id = :entity")
                .param("entity", legalEntityId).query((rs, n) -> data(rs)).optional();
    }

    /**
     * The legal entity's company, customer group and contract terms in one statement (pricing asks on every page and
     * cart); empty for an unknown legal entity.
     */
    public Optional<BuyingTerms> buyingTerms(long legalEntityId) {
        return jdbc.sql("select le.id, le.company_id, c.group_id, k.legal_entity_id as contract_entity, " + COLUMNS
                        + """
                         from customers.legal_entity le join customers.company c on c.id = le.company_id
                         left join customers.contract k on k.legal_entity_id = le.id
                        where le.id = :entity""")
                .param("entity", legalEntityId)
                .query((rs, n) -> new BuyingTerms(rs.getLong("id"), rs.getLong("company_id"),
                        rs.getObject("group_id", Long.class),
                        rs.getObject("contract_entity") == null ? ContractTerms.defaults() : terms(data(rs))))
                .optional();
    }

    private static final String COLUMNS = """
            k.number, k.starts_on, k.ends_on, k.price_type, k.payment_terms, k.deferral_days, k.credit_limit,
            k.min_order_amount, k.currency, k.assortment, k.delivery_terms, k.status""";

    // mapped by hand: the record mapper tries "startsOn" before "starts_on" and pays for an exception per
    // snake_case column, on every page that shows prices
    private static ContractData data(ResultSet rs) throws SQLException {
        return new ContractData(rs.getString("number"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("price_type"),
                PaymentTerms.valueOf(rs.getString("payment_terms")), rs.getInt("deferral_days"),
                rs.getBigDecimal("credit_limit"), rs.getBigDecimal("min_order_amount"), rs.getString("currency"),
                rs.getString("assortment"), DeliveryTerms.valueOf(rs.getString("delivery_terms")),
                rs.getString("status"));
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
