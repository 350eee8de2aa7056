package io.b2bportal.pricing.admin;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers typed on the pricing pages: what each language accepts, and what it refuses with which message. */
class PricingDecimalsTests {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "1 234,50        | ru | 1234.50",
            "1\u00a0234,5    | ru | 1234.5",
            "1234.50         | ru | 1234.50",
            "0,0450          | ru | 0.0450",
            "+3              | ru | 3",
            "\u22122,5       | ru | -2.5",
            "1 234.50        | en | 1234.50",
            "-15             | en | -15",
            "12              | en | 12"})
    void readsWhatPeopleType(String text, String language, String expected) {
        Issues issues = new Issues();

        BigDecimal value = Decimals.read(text, Locale.of(language), "amount", issues);

        assertThat(issues.isEmpty()).isTrue();
        assertThat(value).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} in {1} is refused with {2}")
    @CsvSource(delimiter = '|', value = {
            "1,5         | en | pricing.admin.number.comma",
            "1,234.50    | en | pricing.admin.number.comma",
            "1.234,50    | ru | pricing.admin.number.invalid",
            "1,2,3       | ru | pricing.admin.number.invalid",
            "abc         | ru | pricing.admin.number.invalid",
            "3%          | en | pricing.admin.number.invalid",
            "1e5         | en | pricing.admin.number.invalid",
            "--1         | en | pricing.admin.number.invalid"})
    void refusesWhatIsNotClearlyANumber(String text, String language, String key) {
        Issues issues = new Issues();

        BigDecimal value = Decimals.read(text, Locale.of(language), "tiers[0].amount", issues);

        assertThat(value).isNull();
        assertThat(issues.list()).singleElement().satisfies(issue -> {
            assertThat(issue.field()).isEqualTo("tiers[0].amount");
            assertThat(issue.messageKey()).isEqualTo(key);
        });
    }

    @ParameterizedTest(name = "{0} goes back into an input as {2} in {1}")
    @CsvSource(delimiter = '|', value = {"1234.5000 | ru | 1234,5", "1234.5000 | en | 1234.5", "10.000 | ru | 10"})
    void putsNumbersBackAsTheyAreTyped(String stored, String language, String shown) {
        assertThat(Decimals.input(new BigDecimal(stored), Locale.of(language))).isEqualTo(shown);
    }
}
