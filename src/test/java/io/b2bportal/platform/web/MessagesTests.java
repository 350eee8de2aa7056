package io.b2bportal.platform.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every label exists in both languages, so no page shows a raw key to a Russian or English user. */
class MessagesTests {

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> english = load("/messages.properties").stringPropertyNames();
        Set<String> russian = load("/messages_ru.properties").stringPropertyNames();

        assertThat(russian).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void russianLabelsAreActuallyRussian() throws IOException {
        Properties russian = load("/messages_ru.properties");

        assertThat(russian.getProperty("login.heading")).isEqualTo("Вход в портал");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(MessagesTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
