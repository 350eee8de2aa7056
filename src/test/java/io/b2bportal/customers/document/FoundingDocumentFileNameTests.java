package io.b2bportal.customers.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name a file keeps: what the user called it, never a path or a control character, never too long. */
class FoundingDocumentFileNameTests {

    @Test
    void keepsTheLastPathSegmentOfWhatOldBrowsersSend() {
        assertThat(DocumentFiling.cleanFileName("C:\\Scans\\Устав.pdf")).isEqualTo("Устав.pdf");
        assertThat(DocumentFiling.cleanFileName("../../etc/passwd.png")).isEqualTo("passwd.png");
    }

    @Test
    void dropsControlCharactersAndNamesAnEmptyNameDocument() {
        assertThat(DocumentFiling.cleanFileName("a\r\nb\u0000.pdf")).isEqualTo("ab.pdf");
        assertThat(DocumentFiling.cleanFileName("  ")).isEqualTo("document");
        assertThat(DocumentFiling.cleanFileName(null)).isEqualTo("document");
        assertThat(DocumentFiling.cleanFileName("dir/..")).isEqualTo("document");
    }

    @Test
    void shortensALongNameButKeepsItsExtension() {
        String name = DocumentFiling.cleanFileName("я".repeat(300) + ".pdf");

        assertThat(name).hasSize(255).endsWith("я.pdf");
    }
}
