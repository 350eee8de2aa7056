package io.b2bportal.platform.mail;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailRetriesTests {

    private final MailRetries retries = new MailRetries(4, Duration.ofMinutes(1));

    @Test
    void doublesTheWaitAfterEveryFailedAttempt() {
        assertThat(retries.delayAfter(1)).hasValue(Duration.ofMinutes(1));
        assertThat(retries.delayAfter(2)).hasValue(Duration.ofMinutes(2));
        assertThat(retries.delayAfter(3)).hasValue(Duration.ofMinutes(4));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(retries.delayAfter(4)).isEmpty();
        assertThat(retries.delayAfter(5)).isEmpty();
    }

    @Test
    void refusesANonsensicalPolicy() {
        assertThatThrownBy(() -> new MailRetries(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
