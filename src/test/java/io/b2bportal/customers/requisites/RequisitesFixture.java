package io.b2bportal.customers.requisites;

import java.util.List;

import static io.b2bportal.customers.requisites.LegalForm.ORGANISATION;
import static io.b2bportal.customers.requisites.LegalForm.SOLE_PROPRIETOR;

/**
 * Requisites that pass, taken from public sources, and a draft to spoil one field of them, so that
 * each rule test is one line.
 */
final class RequisitesFixture {

    // PAO Sberbank, as published on its website and in EGRUL
    static final String SBERBANK_INN = "7707083893";
    static final String SBERBANK_KPP = "773601001";
    static final String SBERBANK_OGRN = "1027700132195";
    static final String SBERBANK_BIK = "044525225";
    static final String SBERBANK_CORRESPONDENT_ACCOUNT = "30101810400000000225";
    // The Russian example of the SWIFT IBAN registry (RU03 044525225 40817810538091310419): an account at Sberbank
    static final String ACCOUNT_AT_SBERBANK = "40817810538091310419";

    // The sample personal INN and OGRNIP found in FNS forms and in most descriptions of the checksums
    static final String PERSONAL_INN = "500100732259";
    static final String OGRNIP = "304500116000157";

    private RequisitesFixture() {
    }

    static Draft sberbank() {
        return new Draft(ORGANISATION, "RU", SBERBANK_INN, SBERBANK_KPP, SBERBANK_OGRN,
                SBERBANK_BIK, ACCOUNT_AT_SBERBANK, SBERBANK_CORRESPONDENT_ACCOUNT, null);
    }

    static Draft soleProprietor() {
        return new Draft(SOLE_PROPRIETOR, "RU", PERSONAL_INN, null, OGRNIP,
                SBERBANK_BIK, ACCOUNT_AT_SBERBANK, SBERBANK_CORRESPONDENT_ACCOUNT, null);
    }

    static Draft foreignCompany() {
        return new Draft(ORGANISATION, "DE", null, null, null, null, null, null, "DE 123456789");
    }

    /** The same number with one digit increased by one (9 becomes 0). */
    static String withDigitChanged(String number, int index) {
        return withDigit(number, index, (char) ('0' + (number.charAt(index) - '0' + 1) % 10));
    }

    static String withDigit(String number, int index, char digit) {
        return number.substring(0, index) + digit + number.substring(index + 1);
    }

    /** What a buyer typed, one field at a time. */
    static final class Draft {

        private LegalForm legalForm;
        private String country;
        private String inn;
        private String kpp;
        private String ogrn;
        private String bik;
        private String settlementAccount;
        private String correspondentAccount;
        private String taxId;

        private Draft(LegalForm legalForm, String country, String inn, String kpp, String ogrn, String bik,
                String settlementAccount, String correspondentAccount, String taxId) {
            this.legalForm = legalForm;
            this.country = country;
            this.inn = inn;
            this.kpp = kpp;
            this.ogrn = ogrn;
            this.bik = bik;
            this.settlementAccount = settlementAccount;
            this.correspondentAccount = correspondentAccount;
            this.taxId = taxId;
        }

        Draft legalForm(LegalForm value) {
            legalForm = value;
            return this;
        }

        Draft country(String value) {
            country = value;
            return this;
        }

        Draft inn(String value) {
            inn = value;
            return this;
        }

        Draft kpp(String value) {
            kpp = value;
            return this;
        }

        Draft ogrn(String value) {
            ogrn = value;
            return this;
        }

        Draft bik(String value) {
            bik = value;
            return this;
        }

        Draft settlementAccount(String value) {
            settlementAccount = value;
            return this;
        }

        Draft correspondentAccount(String value) {
            correspondentAccount = value;
            return this;
        }

        Draft taxId(String value) {
            taxId = value;
            return this;
        }

        Draft withoutBank() {
            return bik(null).settlementAccount(null).correspondentAccount(null);
        }

        RequisitesInput input() {
            return new RequisitesInput(legalForm, country, inn, kpp, ogrn, bik, settlementAccount,
                    correspondentAccount, taxId);
        }

        List<Violation> violations() {
            return Requisites.check(input());
        }

        /** Each violation as "field code", the two parts a client relies on. */
        List<String> rejections() {
            return violations().stream().map(v -> v.field() + " " + v.code()).toList();
        }
    }
}
