package io.b2bportal.customers.requisites;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static io.b2bportal.customers.requisites.LegalForm.ORGANISATION;
import static io.b2bportal.customers.requisites.LegalForm.SOLE_PROPRIETOR;
import static io.b2bportal.customers.requisites.RequisitesFixture.ACCOUNT_AT_SBERBANK;
import static io.b2bportal.customers.requisites.RequisitesFixture.OGRNIP;
import static io.b2bportal.customers.requisites.RequisitesFixture.PERSONAL_INN;
import static io.b2bportal.customers.requisites.RequisitesFixture.SBERBANK_BIK;
import static io.b2bportal.customers.requisites.RequisitesFixture.SBERBANK_CORRESPONDENT_ACCOUNT;
import static io.b2bportal.customers.requisites.RequisitesFixture.SBERBANK_INN;
import static io.b2bportal.customers.requisites.RequisitesFixture.SBERBANK_OGRN;
import static io.b2bportal.customers.requisites.RequisitesFixture.foreignCompany;
import static io.b2bportal.customers.requisites.RequisitesFixture.sberbank;
import static io.b2bportal.customers.requisites.RequisitesFixture.soleProprietor;
import static io.b2bportal.customers.requisites.RequisitesFixture.withDigit;
import static io.b2bportal.customers.requisites.RequisitesFixture.withDigitChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequisitesTests {

    // --- what passes

    @Test
    void acceptsSberbanksPublishedRequisites() {
        assertThat(sberbank().violations()).isEmpty();
    }

    @Test
    void acceptsSoleProprietorWithPersonalInnAndOgrnipAndNoKpp() {
        assertThat(soleProprietor().violations()).isEmpty();
    }

    @Test
    void acceptsForeignCompanyWithCountryAndTaxIdOnly() {
        assertThat(foreignCompany().violations()).isEmpty();
    }

    @Test
    void acceptsRequisitesWithoutAnyBankDetails() {
        assertThat(sberbank().withoutBank().violations()).isEmpty();
        assertThat(sberbank().bik(" ").settlementAccount("").correspondentAccount(null).violations()).isEmpty();
    }

    @Test
    void acceptsBankDetailsWithoutCorrespondentAccount() {
        assertThat(sberbank().correspondentAccount("").violations()).isEmpty();
    }

    @Test
    void agreesWithTheWorkedExamplesOfBankOfRussiaOrder515() {
        // example 1: correspondent account keyed with Bank of Russia unit 005; example 3: client account keyed with bank 746
        assertThat(Requisites.isValidCorrespondentAccount("30101810800000000746", "049805746")).isTrue();
        assertThat(Requisites.isValidSettlementAccount("40602810700000000025", "049805746")).isTrue();
    }

    @Test
    void acceptsNumbersTypedOrPastedWithSpaces() {
        var draft = sberbank().inn(" 7707 083893 ").kpp("7736 01 001").ogrn("1 027700 132195")
                .bik("04 45 25 225").settlementAccount("40817 810 5 3809 1310419")
                .correspondentAccount("30101\u00A0810\u00A04\u202F00000000225");

        assertThat(draft.violations()).isEmpty();
    }

    @Test
    void normalisedInputIsWhatWasChecked() {
        var typed = sberbank().inn(" 7707 083893 ").country("ru").taxId(null).input();

        assertThat(typed.normalised().inn()).isEqualTo(SBERBANK_INN);
        assertThat(typed.normalised().country()).isEqualTo("RU");
        assertThat(typed.normalised().taxId()).isEmpty();
        assertThat(foreignCompany().taxId("  DE\t123   456 ").input().normalised().taxId()).isEqualTo("DE 123 456");
    }

    @Test
    void acceptsKppWithLettersInTheReasonCode() {
        assertThat(sberbank().kpp("7736AB001").violations()).isEmpty();
    }

    // --- INN

    @Test
    void rejectsOrganisationInnWithAChangedDigit() {
        assertThat(sberbank().inn(withDigitChanged(SBERBANK_INN, 9)).rejections()).containsExactly("inn checksum");
        assertThat(sberbank().inn(withDigitChanged(SBERBANK_INN, 0)).rejections()).containsExactly("inn checksum");
    }

    @Test
    void rejectsPersonalInnWithEitherControlDigitChanged() {
        assertThat(soleProprietor().inn(withDigitChanged(PERSONAL_INN, 10)).rejections()).containsExactly("inn checksum");
        assertThat(soleProprietor().inn(withDigitChanged(PERSONAL_INN, 11)).rejections()).containsExactly("inn checksum");
        assertThat(soleProprietor().inn(withDigitChanged(PERSONAL_INN, 3)).rejections()).containsExactly("inn checksum");
    }

    @Test
    void rejectsPersonalInnForAnOrganisationNamingTheExpectedLength() {
        assertThat(sberbank().inn(PERSONAL_INN).violations())
                .containsExactly(new Violation("inn", "length", "requisites.inn.length.organisation", List.of(10, 12)));
    }

    @Test
    void rejectsOrganisationInnForASoleProprietor() {
        assertThat(soleProprietor().inn(SBERBANK_INN).violations())
                .containsExactly(new Violation("inn", "length", "requisites.inn.length.soleProprietor", List.of(12, 10)));
    }

    @Test
    void rejectsInnWithLettersOrHyphensInsteadOfCallingItTooShort() {
        assertThat(sberbank().inn("77O7083893").rejections()).containsExactly("inn digits");
        assertThat(sberbank().inn("7707-083893").rejections()).containsExactly("inn digits");
        assertThat(sberbank().inn("７７０７０８３８９３").rejections()).as("full-width digits").containsExactly("inn digits");
    }

    @Test
    void requiresInn() {
        assertThat(sberbank().inn("  ").rejections()).containsExactly("inn required");
    }

    // --- KPP

    @Test
    void requiresKppFromAnOrganisation() {
        assertThat(sberbank().kpp(null).rejections()).containsExactly("kpp required");
    }

    @Test
    void rejectsKppFromASoleProprietor() {
        assertThat(soleProprietor().kpp("773601001").rejections()).containsExactly("kpp absent");
    }

    @Test
    void rejectsKppOfTheWrongShape() {
        assertThat(sberbank().kpp("77360100").rejections()).as("8 characters").containsExactly("kpp format");
        assertThat(sberbank().kpp("7736010011").rejections()).as("10 characters").containsExactly("kpp format");
        assertThat(sberbank().kpp("7736ab001").rejections()).as("lower case").containsExactly("kpp format");
        assertThat(sberbank().kpp("773А01001").rejections()).as("Cyrillic А among the digits").containsExactly("kpp format");
        assertThat(sberbank().kpp("77360100A").rejections()).as("letter in the number").containsExactly("kpp format");
    }

    // --- OGRN and OGRNIP

    @Test
    void rejectsOgrnWithAChangedDigit() {
        assertThat(sberbank().ogrn(withDigitChanged(SBERBANK_OGRN, 12)).rejections()).containsExactly("ogrn checksum");
        assertThat(sberbank().ogrn(withDigitChanged(SBERBANK_OGRN, 5)).rejections()).containsExactly("ogrn checksum");
    }

    @Test
    void rejectsOgrnipWithAChangedDigit() {
        assertThat(soleProprietor().ogrn(withDigitChanged(OGRNIP, 14)).violations()).containsExactly(
                new Violation("ogrn", "checksum", "requisites.ogrn.checksum.soleProprietor", List.of()));
        assertThat(soleProprietor().ogrn(withDigitChanged(OGRNIP, 7)).rejections()).containsExactly("ogrn checksum");
    }

    @Test
    void checksOgrnipModulo13NotModulo11LikeAnOgrn() {
        // the FNS sample OGRNIP happens to pass both; 31377460000001 = 13 x 2413650769230 + 11, modulo 11 it leaves 5
        assertThat(soleProprietor().ogrn("313774600000011").violations()).isEmpty();
        assertThat(soleProprietor().ogrn("313774600000015").rejections()).containsExactly("ogrn checksum");
    }

    @Test
    void rejectsOgrnipForAnOrganisationAndOgrnForASoleProprietor() {
        assertThat(sberbank().ogrn(OGRNIP).violations())
                .containsExactly(new Violation("ogrn", "length", "requisites.ogrn.length.organisation", List.of(13, 15)));
        assertThat(soleProprietor().ogrn(SBERBANK_OGRN).violations())
                .containsExactly(new Violation("ogrn", "length", "requisites.ogrn.length.soleProprietor", List.of(15, 13)));
    }

    @Test
    void rejectsOgrnWithNonDigitsAndRequiresIt() {
        assertThat(sberbank().ogrn("1027700132195.").rejections()).containsExactly("ogrn digits");
        assertThat(sberbank().ogrn("").rejections()).containsExactly("ogrn required");
    }

    // --- BIK and accounts

    @Test
    void rejectsBikOfABankOutsideRussiaWithoutBlamingTheAccounts() {
        assertThat(sberbank().bik("014525225").rejections()).containsExactly("bik prefix");
    }

    @Test
    void rejectsBikOfTheWrongLengthOrWithLetters() {
        assertThat(sberbank().bik("04452522").violations())
                .containsExactly(new Violation("bik", "length", "requisites.bik.length", List.of(9, 8)));
        assertThat(sberbank().bik("O44525225").rejections()).containsExactly("bik digits");
    }

    @Test
    void rejectsSettlementAccountWithAChangedDigit() {
        assertThat(sberbank().settlementAccount(withDigitChanged(ACCOUNT_AT_SBERBANK, 15)).violations())
                .containsExactly(new Violation("settlementAccount", "bik-mismatch",
                        "requisites.settlementAccount.bikMismatch", List.of(SBERBANK_BIK)));
    }

    @Test
    void rejectsEverySingleMistypedDigitOfTheSettlementAccount() {
        for (int position = 0; position < 20; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                String typo = withDigit(ACCOUNT_AT_SBERBANK, position, digit);
                if (!typo.equals(ACCOUNT_AT_SBERBANK)) {
                    assertThat(Requisites.isValidSettlementAccount(typo, SBERBANK_BIK)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void rejectsSettlementAccountOfAnotherBank() {
        // 044525226 is a well-formed BIK, but the account's key was computed for ...225
        assertThat(sberbank().bik(withDigitChanged(SBERBANK_BIK, 8)).correspondentAccount(null).rejections())
                .containsExactly("settlementAccount bik-mismatch");
    }

    @Test
    void rejectsTheAccountFromTheBriefWhoseKeyDoesNotMatchSberbank() {
        // 40702810938000000000 is often shown next to Sberbank's BIK, but its key (3) does not fit bank 225
        assertThat(sberbank().settlementAccount("40702810938000000000").rejections())
                .containsExactly("settlementAccount bik-mismatch");
    }

    @Test
    void rejectsSettlementAccountOfTheWrongLengthOrWithLetters() {
        assertThat(sberbank().settlementAccount("4081781053809131041").violations()).containsExactly(
                new Violation("settlementAccount", "length", "requisites.settlementAccount.length", List.of(20, 19)));
        assertThat(sberbank().settlementAccount("40817-810538091310419").rejections())
                .containsExactly("settlementAccount digits");
    }

    @Test
    void rejectsCorrespondentAccountWithAChangedDigit() {
        assertThat(sberbank().correspondentAccount(withDigitChanged(SBERBANK_CORRESPONDENT_ACCOUNT, 17)).violations())
                .containsExactly(new Violation("correspondentAccount", "bik-mismatch",
                        "requisites.correspondentAccount.bikMismatch", List.of(SBERBANK_BIK)));
    }

    @Test
    void keysTheCorrespondentAccountWithTheBankOfRussiaUnitNotTheBank() {
        // digits 5-6 of the BIK name the unit: change one and the correspondent account no longer fits
        assertThat(sberbank().bik("044535225").rejections()).containsExactly("correspondentAccount bik-mismatch");
    }

    @Test
    void rejectsSettlementAccountEnteredAsCorrespondentAccount() {
        assertThat(sberbank().correspondentAccount(ACCOUNT_AT_SBERBANK).rejections())
                .containsExactly("correspondentAccount prefix");
    }

    @Test
    void rejectsCorrespondentAccountOfTheWrongLengthOrWithLetters() {
        assertThat(sberbank().correspondentAccount("301018104000000002251").violations()).containsExactly(new Violation(
                "correspondentAccount", "length", "requisites.correspondentAccount.length", List.of(20, 21)));
        assertThat(sberbank().correspondentAccount("3010181040000000022S").rejections())
                .containsExactly("correspondentAccount digits");
    }

    @Test
    void requiresBikAndSettlementAccountOnceAnyBankDetailIsGiven() {
        assertThat(sberbank().withoutBank().correspondentAccount(SBERBANK_CORRESPONDENT_ACCOUNT).rejections())
                .containsExactly("bik required", "settlementAccount required");
        assertThat(sberbank().withoutBank().bik(SBERBANK_BIK).rejections()).containsExactly("settlementAccount required");
        assertThat(sberbank().withoutBank().settlementAccount(ACCOUNT_AT_SBERBANK).rejections())
                .containsExactly("bik required");
    }

    // --- country, legal form and foreign companies

    @Test
    void requiresCountry() {
        assertThat(sberbank().country(" ").rejections()).containsExactly("country required");
    }

    @Test
    void requiresLegalFormOfARussianCustomer() {
        assertThat(sberbank().legalForm(null).rejections()).containsExactly("legalForm required");
    }

    @Test
    void rejectsCountryThatIsNotAnIsoCode() {
        assertThat(foreignCompany().country("XX").violations())
                .containsExactly(new Violation("country", "unknown", "requisites.country.unknown", List.of("XX")));
        assertThat(foreignCompany().country("DEU").rejections()).containsExactly("country unknown");
    }

    @Test
    void acceptsForeignCompanyWhateverItsLegalFormAndCountryCase() {
        assertThat(foreignCompany().legalForm(null).country("kz").taxId("123456789012").violations()).isEmpty();
        assertThat(foreignCompany().legalForm(SOLE_PROPRIETOR).taxId("Straße-12 Ä").violations()).isEmpty();
    }

    @Test
    void requiresTaxIdOfAForeignCompany() {
        assertThat(foreignCompany().taxId("   ").rejections()).containsExactly("taxId required");
    }

    @Test
    void rejectsForeignTaxIdWithPunctuationOrOverFiftyCharacters() {
        assertThat(foreignCompany().taxId("12.345.678/0001-90").rejections()).containsExactly("taxId format");
        assertThat(foreignCompany().taxId("A".repeat(50)).violations()).isEmpty();
        assertThat(foreignCompany().taxId("A".repeat(51)).violations())
                .containsExactly(new Violation("taxId", "length", "requisites.taxId.length", List.of(50, 51)));
    }

    @Test
    void rejectsRussianNumbersOnAForeignCompany() {
        assertThat(foreignCompany().inn(SBERBANK_INN).kpp("773601001").ogrn(SBERBANK_OGRN).rejections())
                .containsExactly("inn absent", "kpp absent", "ogrn absent");
    }

    @Test
    void rejectsForeignTaxIdOnARussianCompany() {
        assertThat(sberbank().taxId("DE123").rejections()).containsExactly("taxId absent");
    }

    @Test
    void checksBankDetailsOfAForeignCompanyToo() {
        assertThat(foreignCompany().bik(SBERBANK_BIK).settlementAccount("40807810938000000000").rejections())
                .containsExactly("settlementAccount bik-mismatch");
    }

    @Test
    void reportsEveryBrokenFieldAtOnceInFormOrder() {
        var draft = sberbank().inn(withDigitChanged(SBERBANK_INN, 9)).kpp("7736").ogrn("1")
                .bik("04452522x").settlementAccount("1").correspondentAccount("2");

        assertThat(draft.rejections()).containsExactly("inn checksum", "kpp format", "ogrn length", "bik digits",
                "settlementAccount length", "correspondentAccount length");
    }

    // --- single-value checks

    @Test
    void singleValueChecksAgreeWithTheFormCheck() {
        assertThat(Requisites.isValidInn(SBERBANK_INN)).isTrue();
        assertThat(Requisites.isValidInn(PERSONAL_INN)).isTrue();
        assertThat(Requisites.isValidInn(withDigitChanged(PERSONAL_INN, 11))).isFalse();
        assertThat(Requisites.isValidInn(SBERBANK_INN, SOLE_PROPRIETOR)).isFalse();
        assertThat(Requisites.isValidInn(null)).isFalse();
        assertThat(Requisites.isValidKpp("773601001")).isTrue();
        assertThat(Requisites.isValidKpp("")).isFalse();
        assertThat(Requisites.isValidOgrn(SBERBANK_OGRN)).isTrue();
        assertThat(Requisites.isValidOgrn(OGRNIP)).isFalse();
        assertThat(Requisites.isValidOgrnip(OGRNIP)).isTrue();
        assertThat(Requisites.isValidBik(SBERBANK_BIK)).isTrue();
        assertThat(Requisites.isValidSettlementAccount(ACCOUNT_AT_SBERBANK, SBERBANK_BIK)).isTrue();
        assertThat(Requisites.isValidSettlementAccount(ACCOUNT_AT_SBERBANK, "014525225")).isFalse();
        assertThat(Requisites.isValidCorrespondentAccount(SBERBANK_CORRESPONDENT_ACCOUNT, SBERBANK_BIK)).isTrue();
        assertThat(Requisites.checkCorrespondentAccount(" ", SBERBANK_BIK)).map(Violation::code).contains("required");
    }

    @Test
    void legalFormIsNeededToCheckASingleRussianNumber() {
        assertThatThrownBy(() -> Requisites.checkInn(SBERBANK_INN, null)).isInstanceOf(NullPointerException.class);
    }

    // --- messages

    @Test
    void everyReasonHasAMessageInBothLanguagesAndNoBundleKeyIsUnused() throws IOException {
        Set<String> produced = everyKindOfViolation().stream().map(Violation::messageKey)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> english = requisitesKeys("/i18n/customers.properties");
        Set<String> russian = requisitesKeys("/i18n/customers_ru.properties");

        assertThat(english).isEqualTo(produced);
        assertThat(russian).isEqualTo(produced);
    }

    @Test
    void everyReasonRendersAsPlainTextWithItsArgumentsInBothLanguages() {
        // configured as spring.messages in application.yml; Spring formats only messages that have arguments
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/customers");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        for (Violation violation : everyKindOfViolation()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.of("ru"))) {
                String text = messages.getMessage(violation.messageKey(), violation.arguments(), locale);

                assertThat(text).as("%s in %s", violation.messageKey(), locale)
                        .doesNotContain("{", "}", "''", "requisites.");
                for (Object argument : violation.args()) {
                    assertThat(text).as("%s in %s", violation.messageKey(), locale).contains(String.valueOf(argument));
                }
                if (locale.getLanguage().equals("ru")) {
                    assertThat(text).as(violation.messageKey()).containsPattern("\\p{IsCyrillic}");
                }
            }
        }
    }

    private static List<Violation> everyKindOfViolation() {
        List<Violation> all = new ArrayList<>();
        for (var draft : List.of(
                sberbank().country(null).legalForm(null),
                sberbank().legalForm(null).taxId("X"),
                sberbank().inn(null).kpp(null).ogrn(null),
                sberbank().inn("x").kpp("x").ogrn("x").bik("x").settlementAccount("x").correspondentAccount("x"),
                sberbank().inn(PERSONAL_INN).ogrn(OGRNIP).bik("1").settlementAccount("1").correspondentAccount("1"),
                sberbank().inn(withDigitChanged(SBERBANK_INN, 9)).ogrn(withDigitChanged(SBERBANK_OGRN, 12))
                        .bik("014525225").correspondentAccount(ACCOUNT_AT_SBERBANK),
                sberbank().settlementAccount(withDigitChanged(ACCOUNT_AT_SBERBANK, 0))
                        .correspondentAccount(withDigitChanged(SBERBANK_CORRESPONDENT_ACCOUNT, 17)),
                sberbank().withoutBank().correspondentAccount(SBERBANK_CORRESPONDENT_ACCOUNT),
                soleProprietor().inn(SBERBANK_INN).kpp("773601001").ogrn(SBERBANK_OGRN),
                soleProprietor().inn(withDigitChanged(PERSONAL_INN, 11)).ogrn(withDigitChanged(OGRNIP, 14)),
                foreignCompany().country("XX").inn("1").kpp("1").ogrn("1").taxId(null),
                foreignCompany().taxId("A".repeat(51)),
                foreignCompany().taxId("a/b"))) {
            all.addAll(draft.violations());
        }
        // only a caller checking this field alone can leave it empty
        all.add(Requisites.checkCorrespondentAccount("", SBERBANK_BIK).orElseThrow());
        return all;
    }

    private static Set<String> requisitesKeys(String resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(RequisitesTests.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream().filter(key -> key.startsWith("requisites."))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
