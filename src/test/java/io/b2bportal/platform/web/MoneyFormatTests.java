package io.b2bportal.platform.web;

import io.b2bportal.shared.Money;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTests {

    @Test
    void formatsRoublesTheRussianWay() {
        assertThat(MoneyFormat.format(Money.rub("1234567.505"), PortalLocaleResolver.RUSSIAN).replace('\u00a0', ' ')
                .replace('\u202f', ' ')).isEqualTo("1 234 567,51 ₽");
    }

    @Test
    void formatsRoublesTheEnglishWay() {
        assertThat(MoneyFormat.format(Money.rub("1234567.5"), Locale.ENGLISH)).isEqualTo("1,234,567.50\u00a0₽");
        assertThat(MoneyFormat.format(Money.of("0.005", "EUR"), Locale.ENGLISH)).isEqualTo("0.01\u00a0€");
    }
}
