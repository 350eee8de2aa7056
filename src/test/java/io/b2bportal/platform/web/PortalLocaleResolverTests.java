package io.b2bportal.platform.web;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PortalLocaleResolverTests {

    private final PortalLocaleResolver resolver = new PortalLocaleResolver();

    @Test
    void defaultsToRussian() {
        assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(PortalLocaleResolver.RUSSIAN);
    }

    @Test
    void picksTheBestSupportedLanguageOfTheBrowser() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "de-DE,de;q=0.9,en;q=0.8,ru;q=0.7");

        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void acceptsOnlyRussianAndEnglish() {
        assertThat(PortalLocaleResolver.supported("EN-us")).contains(Locale.ENGLISH);
        assertThat(PortalLocaleResolver.supported("ru_RU")).contains(PortalLocaleResolver.RUSSIAN);
        assertThat(PortalLocaleResolver.supported("zz")).isEmpty();
        assertThat(PortalLocaleResolver.supported("")).isEmpty();
        assertThat(PortalLocaleResolver.supported("x".repeat(500))).isEmpty();
    }
}
