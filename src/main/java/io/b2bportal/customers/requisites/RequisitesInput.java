package io.b2bportal.customers.requisites;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a buyer typed into the requisites form, unchecked. {@code country} decides which rules apply:
 * {@code RU} gets the Russian checks by {@code legalForm}; any other country needs only a
 * {@code taxId} (its {@code legalForm} is not checked). The bank fields (BIK, settlement and
 * correspondent account) are optional as a group. Every field may be {@code null} or blank.
 */
public record RequisitesInput(
        LegalForm legalForm,
        String country,
        String inn,
        String kpp,
        String ogrn,
        String bik,
        String settlementAccount,
        String correspondentAccount,
        String taxId) {

    // No-break and narrow no-break spaces arrive when numbers are copied from PDFs and Word files.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    /**
     * The same input as it is checked and as it should be stored: spaces removed from the numbers,
     * the country code in capitals, the foreign tax id trimmed; blanks become empty strings.
     */
    public RequisitesInput normalised() {
        return new RequisitesInput(legalForm, withoutSpaces(country).toUpperCase(Locale.ROOT),
                withoutSpaces(inn), withoutSpaces(kpp), withoutSpaces(ogrn), withoutSpaces(bik),
                withoutSpaces(settlementAccount), withoutSpaces(correspondentAccount),
                taxId == null ? "" : SPACES.matcher(taxId).replaceAll(" ").strip());
    }

    static String withoutSpaces(String value) {
        return value == null ? "" : SPACES.matcher(value).replaceAll("");
    }
}
