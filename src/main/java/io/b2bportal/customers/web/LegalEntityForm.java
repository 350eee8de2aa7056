package io.b2bportal.customers.web;

import io.b2bportal.customers.entity.LegalEntities.NewLegalEntity;
import io.b2bportal.customers.requisites.LegalForm;
import io.b2bportal.customers.requisites.Requisites;
import io.b2bportal.customers.requisites.RequisitesInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/**
 * A legal entity as a buyer enters it (registration, "add a legal entity", the API). Bean validation checks
 * lengths; {@link Requisites} checks the numbers (INN, KPP, OGRN, BIK, accounts) and reports each broken rule
 * on its field.
 */
record LegalEntityForm(
        @NotBlank @Size(max = 300) String name,
        @NotNull @Pattern(regexp = "ORGANISATION|SOLE_PROPRIETOR|FOREIGN") String legalForm,
        @Size(max = 2) String country,
        @Size(max = 20) String inn,
        @Size(max = 20) String kpp,
        @Size(max = 20) String ogrn,
        @Size(max = 50) String taxId,
        @NotBlank @Size(max = 500) String legalAddress,
        @Size(max = 500) String actualAddress,
        @Size(max = 20) String bik,
        @Size(max = 200) String bankName,
        @Size(max = 30) String settlementAccount,
        @Size(max = 30) String correspondentAccount,
        boolean vatPayer) {

    static LegalEntityForm blank() {
        return new LegalEntityForm("", "ORGANISATION", "RU", "", "", "", "", "", "", "", "", "", "", true);
    }

    boolean foreign() {
        return "FOREIGN".equals(legalForm);
    }

    private RequisitesInput requisites() {
        LegalForm form = foreign() || legalForm == null ? null : LegalForm.valueOf(legalForm);
        String countryCode = foreign() ? country : "RU";
        return new RequisitesInput(form, countryCode, inn, kpp, ogrn, bik, settlementAccount, correspondentAccount,
                taxId).normalised();
    }

    /** Adds every broken requisites rule to its field (skipping fields that already have an error). */
    void validate(Errors errors) {
        if (legalForm == null || errors.hasFieldErrors("legalForm")) {
            return;
        }
        for (var violation : Requisites.check(requisites())) {
            if (!errors.hasFieldErrors(violation.field())) {
                errors.rejectValue(violation.field(), violation.messageKey(), violation.arguments(),
                        violation.messageKey());
            }
        }
        boolean bankGiven = !requisites().bik().isEmpty();
        if (bankGiven && (bankName == null || bankName.isBlank())) {
            errors.rejectValue("bankName", "NotBlank");
        }
    }

    /** The entity to store, with numbers as the rules checked them (no spaces). */
    NewLegalEntity toNew() {
        RequisitesInput in = requisites();
        return new NewLegalEntity(name.strip(), legalForm, in.country(), emptyToNull(in.inn()), emptyToNull(in.kpp()),
                emptyToNull(in.ogrn()), emptyToNull(in.taxId()), legalAddress.strip(), blankToNull(actualAddress),
                emptyToNull(in.bik()), blankToNull(bankName), emptyToNull(in.settlementAccount()),
                emptyToNull(in.correspondentAccount()), vatPayer);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
