package io.b2bportal.shared;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    @Test
    void roundsToKopecksHalfUp() {
        assertThat(Money.rub("10.005").rounded().amount()).isEqualByComparingTo("10.01");
        assertThat(Money.rub("10.0049").rounded().amount()).isEqualByComparingTo("10.00");
        assertThat(Money.rub("-10.005").rounded().amount()).isEqualByComparingTo("-10.01");
    }

    @Test
    void addsExactlyWithoutFloatingPointDrift() {
        Money sum = Money.rub("0");
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.rub("0.1"));
        }
        assertThat(sum).isEqualTo(Money.rub("1.00"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.rub("1").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUB").hasMessageContaining("EUR");
    }

    @Test
    void multipliesByDecimalFactor() {
        assertThat(Money.rub("100.00").times(new BigDecimal("0.22")).rounded()).isEqualTo(Money.rub("22.00"));
    }
}
