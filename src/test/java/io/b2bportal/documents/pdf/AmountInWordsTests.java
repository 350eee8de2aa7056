package io.b2bportal.documents.pdf;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The amount in words as invoices and acts print it: genders, plural forms, kopecks as two digits. */
class AmountInWordsTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0       | Ноль рублей 00 копеек
            1       | Один рубль 00 копеек
            2       | Два рубля 00 копеек
            5       | Пять рублей 00 копеек
            11      | Одиннадцать рублей 00 копеек
            12      | Двенадцать рублей 00 копеек
            21      | Двадцать один рубль 00 копеек
            22      | Двадцать два рубля 00 копеек
            111     | Сто одиннадцать рублей 00 копеек
            1000    | Одна тысяча рублей 00 копеек
            2000    | Две тысячи рублей 00 копеек
            5000    | Пять тысяч рублей 00 копеек
            45000   | Сорок пять тысяч рублей 00 копеек
            21000   | Двадцать одна тысяча рублей 00 копеек
            2000000 | Два миллиона рублей 00 копеек
            1000001 | Один миллион один рубль 00 копеек
            0.01    | Ноль рублей 01 копейка
            0.02    | Ноль рублей 02 копейки
            0.05    | Ноль рублей 05 копеек
            0.11    | Ноль рублей 11 копеек
            0.21    | Ноль рублей 21 копейка
            9941.79 | Девять тысяч девятьсот сорок один рубль 79 копеек
            1234567.89 | Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек
            """)
    void spellsRoublesWithTheRightGenderAndPluralForm(String amount, String words) {
        assertThat(AmountInWords.russian(new BigDecimal(amount))).isEqualTo(words);
    }

    @Test
    void roundsToKopecksHalfUpAndSaysMinusForANegativeAmount() {
        assertThat(AmountInWords.russian(new BigDecimal("10.005"))).isEqualTo("Десять рублей 01 копейка");
        assertThat(AmountInWords.russian(new BigDecimal("-2.50"))).isEqualTo("Минус два рубля 50 копеек");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            45000   | Forty-five thousand roubles 00 kopecks
            1       | One rouble 00 kopecks
            2.01    | Two roubles 01 kopeck
            """)
    void spellsEnglishForEnglishReaders(String amount, String words) {
        assertThat(AmountInWords.of(new BigDecimal(amount), Locale.ENGLISH)).isEqualTo(words);
    }
}
