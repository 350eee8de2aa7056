package io.b2bportal.customers;

import io.b2bportal.shared.Money;
import java.time.LocalDate;

/**
 * The commercial terms a legal entity buys on: from its contract, or the default terms (prepayment, base
 * price type, no credit, no minimum) when it has none, as for a one-off customer.
 *
 * @param contractNumber null for the default terms
 * @param assortment     catalog segment the entity may see; null for the whole catalog
 */
public record ContractTerms(String contractNumber, LocalDate startsOn, LocalDate endsOn, String priceType,
        PaymentTerms paymentTerms, int deferralDays, Money creditLimit, Money minOrderAmount, String assortment,
        DeliveryTerms deliveryTerms, String status) {

    public enum PaymentTerms { PREPAYMENT, DEFERRAL }

    public enum DeliveryTerms { PICKUP, DELIVERY, CARRIER }

    public static ContractTerms defaults() {
        return new ContractTerms(null, null, null, "base", PaymentTerms.PREPAYMENT, 0, Money.zero(Money.RUB),
                Money.zero(Money.RUB), null, DeliveryTerms.DELIVERY, "DEFAULT");
    }

    public boolean isDefault() {
        return contractNumber == null;
    }
}
