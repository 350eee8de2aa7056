package io.b2bportal.payments;

import io.b2bportal.payments.bank.InvoiceReferences;
import io.b2bportal.payments.bank.InvoiceReferences.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How people name an invoice in a payment's purpose, and what is not an invoice number. */
class InvoiceReferencesTests {

    @Test
    void readsThePrintedNumberAlsoWithALatinC() {
        assertThat(InvoiceReferences.find("Оплата по счету СЧ-2026-00042 за крепёж", 2026))
                .containsExactly(new Reference(2026, 42, true));
        assertThat(InvoiceReferences.find("Oплата по CЧ-2025-00107, НДС не облагается", 2026))
                .containsExactly(new Reference(2025, 107, true));
        assertThat(InvoiceReferences.find("опл. сч-2026-7", 2026)).containsExactly(new Reference(2026, 7, true));
    }

    @Test
    void readsShortFormsWithTheirDateOrThePaymentsYear() {
        assertThat(InvoiceReferences.find("Оплата по счету № 42 от 27.11.2026 в т.ч. НДС 22% 1082.00", 2027))
                .containsExactly(new Reference(2026, 42, true));
        assertThat(InvoiceReferences.find("Оплата по сч.42", 2026)).containsExactly(new Reference(2026, 42, false));
        assertThat(InvoiceReferences.find("по счетам №41, 42 и 43", 2026)).containsExactly(
                new Reference(2026, 41, false), new Reference(2026, 42, false), new Reference(2026, 43, false));
        assertThat(InvoiceReferences.find("ОПЛАТА ПО СЧЁТУ N15", 2026)).containsExactly(new Reference(2026, 15, false));
    }

    @Test
    void bankAccountsAmountsAndOtherWordsAreNotInvoiceNumbers() {
        assertThat(InvoiceReferences.find("Перевод на расч. счет 40702810938000099999", 2026)).isEmpty();
        assertThat(InvoiceReferences.find("Расчеты по договору П-2026/027, НДС 22% - 1234.56", 2026)).isEmpty();
        assertThat(InvoiceReferences.find(null, 2026)).isEmpty();
        assertThat(InvoiceReferences.find("Предоплата по договоренности", 2026)).isEmpty();
    }
}
