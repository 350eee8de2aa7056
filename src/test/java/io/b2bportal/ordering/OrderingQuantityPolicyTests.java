package io.b2bportal.ordering;

import io.b2bportal.ordering.cart.PackPolicy;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.cart.Reason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which quantities may be ordered at all, and how bulk entry rounds them: plain rules, no Spring. */
class OrderingQuantityPolicyTests {

    @Test
    void readsQuantitiesAsPeopleTypeThem() {
        assertThat(QuantityPolicy.parse("10").quantity()).isEqualByComparingTo("10");
        assertThat(QuantityPolicy.parse(" 2,5 ").quantity()).isEqualByComparingTo("2.5");
        assertThat(QuantityPolicy.parse("1 000").quantity()).isEqualByComparingTo("1000");
        assertThat(QuantityPolicy.parse("1\u00A0000,25").quantity()).isEqualByComparingTo("1000.25");
        assertThat(QuantityPolicy.parse("+7").quantity()).isEqualByComparingTo("7");
    }

    @Test
    void refusesWhatIsNotAQuantityWithTheReason() {
        assertThat(refusal("")).isEqualTo("ordering.quantity.missing");
        assertThat(refusal("ten")).isEqualTo("ordering.quantity.not-a-number");
        assertThat(refusal("1e3")).isEqualTo("ordering.quantity.not-a-number");
        assertThat(refusal("1,000.5")).isEqualTo("ordering.quantity.not-a-number");
        assertThat(refusal("1,2,3")).isEqualTo("ordering.quantity.not-a-number");
        assertThat(refusal("0")).isEqualTo("ordering.quantity.zero");
        assertThat(refusal("0,000")).isEqualTo("ordering.quantity.zero");
        assertThat(refusal("-5")).isEqualTo("ordering.quantity.negative");
        assertThat(refusal("1000000001")).isEqualTo("ordering.quantity.too-large");
        assertThat(refusal("1000000000000")).isEqualTo("ordering.quantity.too-large");
        assertThat(refusal("1.0001")).isEqualTo("ordering.quantity.scale");
        assertThat(refusal("9".repeat(50))).isEqualTo("ordering.quantity.not-a-number");
        assertThat(QuantityPolicy.parse("1000000000").ok()).isTrue();
    }

    @Test
    void goodsCountedInPiecesAreOrderedInWholeNumbersOnly() {
        assertThat(QuantityPolicy.check(new BigDecimal("1.5"), "796", "шт")).map(Reason::key)
                .hasValue("ordering.quantity.fractional");
        assertThat(QuantityPolicy.check(new BigDecimal("2.5"), "715", "пар")).isPresent();
        assertThat(QuantityPolicy.check(new BigDecimal("2.000"), "796", "шт")).isEmpty();
        assertThat(QuantityPolicy.check(new BigDecimal("2.5"), "006", "м")).isEmpty();
        assertThat(QuantityPolicy.check(new BigDecimal("0.75"), "112", "л")).isEmpty();
        assertThat(QuantityPolicy.check(new BigDecimal("1.5"), "798", "тыс. шт")).isEmpty();
    }

    @Test
    void bulkEntryRoundsUpToTheMinimumThenToThePack() {
        assertThat(PackPolicy.roundUp(dec("150"), dec("100"), dec("100"))).isEqualByComparingTo("200");
        assertThat(PackPolicy.roundUp(dec("10"), dec("100"), dec("100"))).isEqualByComparingTo("100");
        assertThat(PackPolicy.roundUp(dec("200"), dec("100"), dec("100"))).isEqualByComparingTo("200");
        assertThat(PackPolicy.roundUp(dec("11"), dec("10"), dec("3"))).isEqualByComparingTo("12");
        assertThat(PackPolicy.roundUp(dec("12.3"), dec("10"), dec("0.5"))).isEqualByComparingTo("12.5");
    }

    @Test
    void takingWhatIsAvailableRoundsDownAndNeverBelowTheMinimum() {
        assertThat(PackPolicy.roundDown(dec("350"), dec("100"), dec("100"))).isEqualByComparingTo("300");
        assertThat(PackPolicy.roundDown(dec("99"), dec("100"), dec("100"))).isEqualByComparingTo("0");
        assertThat(PackPolicy.roundDown(dec("30"), dec("25"), dec("25"))).isEqualByComparingTo("25");
        assertThat(PackPolicy.roundDown(dec("-3"), dec("1"), dec("1"))).isEqualByComparingTo("0");
    }

    @Test
    void aTypedCartQuantityOffTheRulesIsRefusedNamingTheValidOnes() {
        Reason below = PackPolicy.check(dec("50"), dec("100"), dec("100"), "шт").orElseThrow();
        assertThat(below.key()).isEqualTo("ordering.quantity.below-minimum");
        assertThat(below.args()).containsExactly("50", "100", "шт", "100");

        Reason pack = PackPolicy.check(dec("250"), dec("100"), dec("100"), "шт").orElseThrow();
        assertThat(pack.key()).isEqualTo("ordering.quantity.pack");
        assertThat(pack.args()).containsExactly("250", "100", "шт", "200", "300");

        assertThat(PackPolicy.check(dec("300"), dec("100"), dec("100"), "шт")).isEmpty();
    }

    private static String refusal(String text) {
        QuantityPolicy.Parsed parsed = QuantityPolicy.parse(text);
        assertThat(parsed.ok()).as(text).isFalse();
        return parsed.refusal().key();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
