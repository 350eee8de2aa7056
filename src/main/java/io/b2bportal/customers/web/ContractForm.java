package io.b2bportal.customers.web;

import io.b2bportal.customers.ContractTerms.DeliveryTerms;
import io.b2bportal.customers.ContractTerms.PaymentTerms;
import io.b2bportal.customers.contract.Contracts.ContractData;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/** A supply contract as the back office and the admin API edit it; the same checks for both. */
record ContractForm(
        @NotBlank @Size(max = 50) String number,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$") String priceType,
        @NotNull PaymentTerms paymentTerms,
        @Min(0) @Max(365) int deferralDays,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 15, fraction = 2) BigDecimal creditLimit,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 15, fraction = 2) BigDecimal minOrderAmount,
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$|^$") String assortment,
        @NotNull DeliveryTerms deliveryTerms,
        @NotNull @Pattern(regexp = "ACTIVE|SUSPENDED|TERMINATED") String status) {

    static ContractForm blank() {
        return new ContractForm("", LocalDate.now(), null, "base", PaymentTerms.PREPAYMENT, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, "", DeliveryTerms.DELIVERY, "ACTIVE");
    }

    static ContractForm of(ContractData data) {
        return new ContractForm(data.number(), data.startsOn(), data.endsOn(), data.priceType(), data.paymentTerms(),
                data.deferralDays(), data.creditLimit().stripTrailingZeros(), data.minOrderAmount().stripTrailingZeros(),
                data.assortment() == null ? "" : data.assortment(), data.deliveryTerms(), data.status());
    }

    /** The rules between fields: a deferral has days, a prepayment has none; a contract ends after it starts. */
    void validate(Errors errors) {
        if (paymentTerms == PaymentTerms.DEFERRAL && deferralDays < 1) {
            errors.rejectValue("deferralDays", "customers.contract.deferral-days");
        }
        if (paymentTerms == PaymentTerms.PREPAYMENT && deferralDays != 0) {
            errors.rejectValue("deferralDays", "customers.contract.prepayment-days");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.rejectValue("endsOn", "customers.contract.ends-before-start");
        }
    }

    ContractData data() {
        return new ContractData(number.strip(), startsOn, endsOn, priceType, paymentTerms, deferralDays, creditLimit,
                minOrderAmount, "RUB", assortment == null || assortment.isBlank() ? null : assortment, deliveryTerms,
                status);
    }
}
