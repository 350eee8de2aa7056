package io.b2bportal.customers.requisites;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a customer's requisites must pass before we put them on an invoice or a contract: the
 * lengths and control digits of INN, OGRN/OGRNIP and bank accounts, the KPP pattern, and which
 * fields a legal form must have or must not have. Foreign customers give a country and a free tax
 * number instead. Plain Java so that forms, the API and imports all reject the same things.
 *
 * <p>Each {@code checkXxx} names the first rule the value breaks, with a message key for the buyer;
 * {@code isValidXxx} is the same rule as a yes/no. Values are compared without spaces (see
 * {@link RequisitesInput#normalised()}): store the normalised input, not the raw one.
 */
public final class Requisites {

    private static final String INN = "inn";
    private static final String KPP = "kpp";
    private static final String OGRN = "ogrn";
    private static final String BIK = "bik";
    private static final String SETTLEMENT_ACCOUNT = "settlementAccount";
    private static final String CORRESPONDENT_ACCOUNT = "correspondentAccount";
    private static final String TAX_ID = "taxId";
    private static final String COUNTRY = "country";
    private static final String LEGAL_FORM = "legalForm";

    private static final Pattern DIGITS = Pattern.compile("[0-9]*");
    // 4 digits of the tax office, 2 of the reason (letters allowed since 2013, capital Latin only), 3 of the number
    private static final Pattern KPP_PATTERN = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");
    private static final Pattern TAX_ID_CHARACTERS = Pattern.compile("[\\p{L}\\p{Nd} -]+");
    private static final int TAX_ID_MAX_LENGTH = 50;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Requisites() {
    }

    /**
     * Every reason to refuse these requisites, at most one per field, in form order; empty when
     * they may be saved.
     */
    public static List<Violation> check(RequisitesInput input) {
        RequisitesInput in = input.normalised();
        List<Violation> violations = new ArrayList<>();
        if (in.country().isEmpty()) {
            violations.add(Violation.of(COUNTRY, "required", "requisites.country.required"));
        } else if ("RU".equals(in.country())) {
            russian(in, violations);
        } else {
            foreign(in, violations);
        }
        bank(in, violations);
        return List.copyOf(violations);
    }

    private static void russian(RequisitesInput in, List<Violation> violations) {
        if (in.legalForm() == null) {
            // INN, KPP and OGRN all depend on it; guessing would give misleading messages
            violations.add(Violation.of(LEGAL_FORM, "required", "requisites.legalForm.required"));
        } else {
            checkInn(in.inn(), in.legalForm()).ifPresent(violations::add);
            checkKpp(in.kpp(), in.legalForm()).ifPresent(violations::add);
            checkOgrn(in.ogrn(), in.legalForm()).ifPresent(violations::add);
        }
        if (!in.taxId().isEmpty()) {
            violations.add(Violation.of(TAX_ID, "absent", "requisites.taxId.russian"));
        }
    }

    private static void foreign(RequisitesInput in, List<Violation> violations) {
        if (!COUNTRIES.contains(in.country())) {
            violations.add(Violation.of(COUNTRY, "unknown", "requisites.country.unknown", in.country()));
        }
        // Russian numbers on a foreign company would be printed on its invoices, so refuse rather than ignore them
        if (!in.inn().isEmpty()) {
            violations.add(Violation.of(INN, "absent", "requisites.inn.foreign"));
        }
        if (!in.kpp().isEmpty()) {
            violations.add(Violation.of(KPP, "absent", "requisites.kpp.foreign"));
        }
        if (!in.ogrn().isEmpty()) {
            violations.add(Violation.of(OGRN, "absent", "requisites.ogrn.foreign"));
        }
        checkForeignTaxId(in.taxId()).ifPresent(violations::add);
    }

    private static void bank(RequisitesInput in, List<Violation> violations) {
        if (in.bik().isEmpty() && in.settlementAccount().isEmpty() && in.correspondentAccount().isEmpty()) {
            return; // bank details are optional, but only as a whole
        }
        checkBik(in.bik()).ifPresent(violations::add);
        checkSettlementAccount(in.settlementAccount(), in.bik()).ifPresent(violations::add);
        if (!in.correspondentAccount().isEmpty()) {
            checkCorrespondentAccount(in.correspondentAccount(), in.bik()).ifPresent(violations::add);
        }
    }

    /** INN: 10 digits for an organisation, 12 for a sole proprietor, with the FNS control digits. */
    public static Optional<Violation> checkInn(String inn, LegalForm legalForm) {
        Objects.requireNonNull(legalForm, "legalForm");
        String value = RequisitesInput.withoutSpaces(inn);
        boolean organisation = legalForm == LegalForm.ORGANISATION;
        return number(INN, value, organisation ? 10 : 12,
                organisation ? "requisites.inn.length.organisation" : "requisites.inn.length.soleProprietor")
                .or(() -> checksum(INN, organisation ? Checksums.innOfOrganisation(value) : Checksums.innOfPerson(value),
                        "requisites.inn.checksum"));
    }

    /** KPP: required for an organisation, absent for a sole proprietor; 4 digits, 2 digits or A-Z, 3 digits. */
    public static Optional<Violation> checkKpp(String kpp, LegalForm legalForm) {
        Objects.requireNonNull(legalForm, "legalForm");
        String value = RequisitesInput.withoutSpaces(kpp);
        if (legalForm == LegalForm.SOLE_PROPRIETOR) {
            return value.isEmpty() ? Optional.empty()
                    : Optional.of(Violation.of(KPP, "absent", "requisites.kpp.soleProprietor"));
        }
        if (value.isEmpty()) {
            return Optional.of(Violation.of(KPP, "required", "requisites.kpp.required"));
        }
        return KPP_PATTERN.matcher(value).matches() ? Optional.empty()
                : Optional.of(Violation.of(KPP, "format", "requisites.kpp.format"));
    }

    /** OGRN of an organisation (13 digits) or OGRNIP of a sole proprietor (15 digits), with its control digit. */
    public static Optional<Violation> checkOgrn(String ogrn, LegalForm legalForm) {
        Objects.requireNonNull(legalForm, "legalForm");
        String value = RequisitesInput.withoutSpaces(ogrn);
        if (legalForm == LegalForm.ORGANISATION) {
            return number(OGRN, value, 13, "requisites.ogrn.length.organisation")
                    .or(() -> checksum(OGRN, Checksums.ogrn(value), "requisites.ogrn.checksum.organisation"));
        }
        return number(OGRN, value, 15, "requisites.ogrn.length.soleProprietor")
                .or(() -> checksum(OGRN, Checksums.ogrnip(value), "requisites.ogrn.checksum.soleProprietor"));
    }

    /** BIK: 9 digits; a bank in Russia has country code 04 in front. */
    public static Optional<Violation> checkBik(String bik) {
        String value = RequisitesInput.withoutSpaces(bik);
        return number(BIK, value, 9, "requisites.bik.length")
                .or(() -> value.startsWith("04") ? Optional.empty()
                        : Optional.of(Violation.of(BIK, "prefix", "requisites.bik.prefix")));
    }

    /**
     * Settlement account: 20 digits whose control key (9th digit) agrees with the bank's BIK. When
     * the BIK itself is wrong only the account's own shape is checked: the BIK gets the blame.
     */
    public static Optional<Violation> checkSettlementAccount(String account, String bik) {
        String value = RequisitesInput.withoutSpaces(account);
        String bank = RequisitesInput.withoutSpaces(bik);
        return number(SETTLEMENT_ACCOUNT, value, 20, "requisites.settlementAccount.length")
                .or(() -> checkBik(bank).isPresent() || Checksums.settlementAccount(value, bank) ? Optional.empty()
                        : Optional.of(Violation.of(SETTLEMENT_ACCOUNT, "bik-mismatch",
                                "requisites.settlementAccount.bikMismatch", bank)));
    }

    /** Correspondent account: 20 digits starting 30101, keyed with the Bank of Russia unit in the BIK. */
    public static Optional<Violation> checkCorrespondentAccount(String account, String bik) {
        String value = RequisitesInput.withoutSpaces(account);
        String bank = RequisitesInput.withoutSpaces(bik);
        return number(CORRESPONDENT_ACCOUNT, value, 20, "requisites.correspondentAccount.length")
                .or(() -> value.startsWith("30101") ? Optional.empty()
                        : Optional.of(Violation.of(CORRESPONDENT_ACCOUNT, "prefix",
                                "requisites.correspondentAccount.prefix")))
                .or(() -> checkBik(bank).isPresent() || Checksums.correspondentAccount(value, bank) ? Optional.empty()
                        : Optional.of(Violation.of(CORRESPONDENT_ACCOUNT, "bik-mismatch",
                                "requisites.correspondentAccount.bikMismatch", bank)));
    }

    /** A foreign tax number: 1 to 50 letters, digits, hyphens and spaces; nothing else is known about it. */
    public static Optional<Violation> checkForeignTaxId(String taxId) {
        String value = taxId == null ? "" : taxId.strip();
        if (value.isEmpty()) {
            return Optional.of(Violation.of(TAX_ID, "required", "requisites.taxId.required"));
        }
        if (value.length() > TAX_ID_MAX_LENGTH) {
            return Optional.of(Violation.of(TAX_ID, "length", "requisites.taxId.length", TAX_ID_MAX_LENGTH, value.length()));
        }
        return TAX_ID_CHARACTERS.matcher(value).matches() ? Optional.empty()
                : Optional.of(Violation.of(TAX_ID, "format", "requisites.taxId.format"));
    }

    /** Either kind of INN, for a search box that does not know the legal form yet. */
    public static boolean isValidInn(String inn) {
        return isValidInn(inn, LegalForm.ORGANISATION) || isValidInn(inn, LegalForm.SOLE_PROPRIETOR);
    }

    public static boolean isValidInn(String inn, LegalForm legalForm) {
        return checkInn(inn, legalForm).isEmpty();
    }

    /** The KPP pattern alone; whether a KPP is wanted at all depends on the legal form. */
    public static boolean isValidKpp(String kpp) {
        return checkKpp(kpp, LegalForm.ORGANISATION).isEmpty();
    }

    public static boolean isValidOgrn(String ogrn) {
        return checkOgrn(ogrn, LegalForm.ORGANISATION).isEmpty();
    }

    public static boolean isValidOgrnip(String ogrnip) {
        return checkOgrn(ogrnip, LegalForm.SOLE_PROPRIETOR).isEmpty();
    }

    public static boolean isValidBik(String bik) {
        return checkBik(bik).isEmpty();
    }

    /** True only when both the BIK and the account are valid and agree. */
    public static boolean isValidSettlementAccount(String account, String bik) {
        return isValidBik(bik) && checkSettlementAccount(account, bik).isEmpty();
    }

    /** True only when both the BIK and the account are valid and agree. */
    public static boolean isValidCorrespondentAccount(String account, String bik) {
        return isValidBik(bik) && checkCorrespondentAccount(account, bik).isEmpty();
    }

    // Required, then digits only, then the length: the first of these that fails is the one to fix.
    private static Optional<Violation> number(String field, String value, int length, String lengthKey) {
        if (value.isEmpty()) {
            return Optional.of(Violation.of(field, "required", "requisites." + field + ".required"));
        }
        if (!DIGITS.matcher(value).matches()) {
            return Optional.of(Violation.of(field, "digits", "requisites." + field + ".digits"));
        }
        if (value.length() != length) {
            return Optional.of(Violation.of(field, "length", lengthKey, length, value.length()));
        }
        return Optional.empty();
    }

    private static Optional<Violation> checksum(String field, boolean matches, String messageKey) {
        return matches ? Optional.empty() : Optional.of(Violation.of(field, "checksum", messageKey));
    }
}
