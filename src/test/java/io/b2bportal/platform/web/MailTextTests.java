package io.b2bportal.platform.web;

import io.b2bportal.platform.web.MailText.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextTests {

    @Test
    void cutsTextAroundWebLinks() {
        assertThat(MailText.parts("Confirm: https://portal.example/c?t=1&x=2\nThanks")).containsExactly(
                new Part("Confirm: ", null),
                new Part("https://portal.example/c?t=1&x=2", "https://portal.example/c?t=1&x=2"),
                new Part("\nThanks", null));
    }

    @Test
    void leavesSentencePunctuationOutOfTheLink() {
        assertThat(MailText.parts("Open https://portal.example/orders/42.")).containsExactly(
                new Part("Open ", null),
                new Part("https://portal.example/orders/42", "https://portal.example/orders/42"),
                new Part(".", null));
        assertThat(MailText.parts("(see https://portal.example/a)")).extracting(Part::href)
                .containsExactly(null, "https://portal.example/a", null);
    }

    @Test
    void keepsALinkInRussianQuotesApartFromTheQuotes() {
        assertThat(MailText.parts("Ссылка «https://portal.example/x»")).extracting(Part::href)
                .containsExactly(null, "https://portal.example/x", null);
    }

    @Test
    void neverMakesAScriptOrDataAddressALink() {
        assertThat(MailText.parts("javascript:alert(1) data:text/html,<b>x</b>")).extracting(Part::link)
                .containsExactly(false);
    }

    @Test
    void aBodyWithoutLinksIsOnePartAndNoBodyIsNone() {
        assertThat(MailText.parts("Просто текст")).containsExactly(new Part("Просто текст", null));
        assertThat(MailText.parts(null)).isEmpty();
        assertThat(MailText.parts("")).isEmpty();
    }
}
