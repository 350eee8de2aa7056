package io.b2bportal.crm.satisfaction;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NPS = % promoters (9-10) − % detractors (0-6), on known answers. */
class NpsTests {

    @Test
    void countsPromotersPassivesAndDetractors() {
        Nps nps = Nps.of(List.of(10, 9, 9, 8, 7, 6, 0, 3, 10, 5));
        assertThat(nps.promoters()).isEqualTo(4);
        assertThat(nps.passives()).isEqualTo(2);
        assertThat(nps.detractors()).isEqualTo(4);
        assertThat(nps.score()).isEqualByComparingTo("0.0");
    }

    @Test
    void scoresFromMinusHundredToHundredRoundedHalfUpToOneDecimal() {
        assertThat(Nps.of(List.of(10, 9)).score()).isEqualByComparingTo("100.0");
        assertThat(Nps.of(List.of(0, 6)).score()).isEqualByComparingTo("-100.0");
        // 2 promoters, 1 detractor of 3: 33.333... -> 33.3
        assertThat(Nps.of(List.of(9, 10, 2)).score()).isEqualByComparingTo("33.3");
        // 2 promoters of 3, no detractor: 66.666... -> 66.7
        assertThat(Nps.of(List.of(9, 10, 8)).score()).isEqualByComparingTo("66.7");
        // passives count in the denominator only
        assertThat(Nps.of(List.of(7, 8, 9, 8)).score()).isEqualByComparingTo(new BigDecimal("25.0"));
    }

    @Test
    void hasNoScoreWithoutAnswersAndAddsUp() {
        assertThat(Nps.of(List.of()).score()).isNull();
        assertThat(Nps.of(List.of(9)).plus(Nps.of(List.of(3))).score()).isEqualByComparingTo("0.0");
    }

    @Test
    void refusesAnswersOutsideZeroToTen() {
        assertThatThrownBy(() -> Nps.of(List.of(11))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nps.of(List.of(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
