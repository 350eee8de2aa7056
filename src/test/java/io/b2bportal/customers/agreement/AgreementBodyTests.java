package io.b2bportal.customers.agreement;

import io.b2bportal.customers.agreement.AgreementBody.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What staff may publish as the text of an agreement version, and how placeholders are filled in. */
class AgreementBodyTests {

    @Test
    void clausesWithKnownPlaceholdersCanBePublished() {
        assertThat(AgreementBody.check("""
                <h2>1. Предмет</h2>
                <p>{{seller.name}} поставляет {{ buyer.name }} (ИНН {{buyer.inn}}) товар&#160;по ценам Портала.</p>
                <ol><li><b>Оплата:</b> {{terms.payment}}</li></ol>
                <table><tr><td colspan="2" class="x">a</td></tr></table>""")).isEmpty();
    }

    @Test
    void refusesUnknownPlaceholders() {
        assertThat(keys(AgreementBody.check("<p>{{buyer.name}} {{buyer.password}}</p>")))
                .containsExactly("customers.agreement.body.placeholder");
        assertThat(AgreementBody.check("<p>{{buyer.password}}</p>").getFirst().args().getFirst())
                .isEqualTo("buyer.password");
    }

    @Test
    void refusesTextThatIsNotWellFormedXhtml() {
        assertThat(keys(AgreementBody.check("<p>Пункт 1.<p>Пункт 2.</p>")))
                .containsExactly("customers.agreement.body.xml");
        assertThat(keys(AgreementBody.check("<p>a&nbsp;b</p>"))).containsExactly("customers.agreement.body.xml");
    }

    @Test
    void refusesDoctypesAndTheirEntities() {
        assertThat(keys(AgreementBody.check("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>")))
                .containsExactly("customers.agreement.body.xml");
    }

    @Test
    void refusesScriptsImagesLinksAndStyles() {
        assertThat(keys(AgreementBody.check("<script>alert(1)</script>")))
                .containsExactly("customers.agreement.body.element");
        assertThat(keys(AgreementBody.check("<img src=\"http://example.com/x.png\"/>")))
                .containsExactly("customers.agreement.body.element");
        assertThat(keys(AgreementBody.check("<a href=\"http://example.com\">x</a>")))
                .containsExactly("customers.agreement.body.element");
        assertThat(keys(AgreementBody.check("<p style=\"background: url(http://example.com)\">x</p>")))
                .containsExactly("customers.agreement.body.attribute");
    }

    @Test
    void fillsPlaceholdersWithEscapedText() {
        String filled = AgreementBody.fill("<p>{{buyer.name}}, {{ buyer.inn }}</p>",
                Map.of("buyer.name", "ООО «A&B» <script>", "buyer.inn", "7704123450"));

        assertThat(filled).isEqualTo("<p>ООО «A&amp;B» &lt;script&gt;, 7704123450</p>");
        assertThat(AgreementBody.check(filled)).isEmpty();
    }

    @Test
    void aPlaceholderWithoutValuePrintsADash() {
        assertThat(AgreementBody.fill("<p>КПП {{buyer.kpp}}</p>", Map.of())).isEqualTo("<p>КПП —</p>");
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::messageKey).toList();
    }
}
