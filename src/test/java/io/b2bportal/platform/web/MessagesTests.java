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
    void russianAndEnglishHaveTheSameKeysInEveryBundle() throws IOException {
        for (String bundle : bundles()) {
            if (MessagesTests.class.getResource("/" + bundle + ".properties") == null) {
                continue; // a bundle named in the configuration before its area exists
            }
            Set<String> english = load("/" + bundle + ".properties").stringPropertyNames();
            Set<String> russian = load("/" + bundle + "_ru.properties").stringPropertyNames();

            assertThat(russian).as(bundle).containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new java.util.HashSet<>();
        for (String bundle : bundles()) {
            if (MessagesTests.class.getResource("/" + bundle + ".properties") == null) {
                continue;
            }
            for (String key : load("/" + bundle + ".properties").stringPropertyNames()) {
                assertThat(seen.add(key)).as("%s is defined again in %s", key, bundle).isTrue();
            }
        }
    }

    private static java.util.List<String> bundles() throws IOException {
        try (var in = MessagesTests.class.getResourceAsStream("/application.yml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("basename: (.+)").matcher(yaml);
            assertThat(m.find()).isTrue();
            return java.util.Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
        }
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
