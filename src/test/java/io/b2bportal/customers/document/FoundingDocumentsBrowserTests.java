package io.b2bportal.customers.document;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A company administrator uploads the charter, the account manager accepts it, the buyer sees it accepted. */
@PortalTest
class FoundingDocumentsBrowserTests {

    @LocalServerPort
    int port;
    BrowserContext buyerBrowser;
    BrowserContext staffBrowser;

    @AfterEach
    void closeBrowsers() {
        if (buyerBrowser != null) {
            buyerBrowser.close();
        }
        if (staffBrowser != null) {
            staffBrowser.close();
        }
    }

    @Test
    void theBuyerUploadsACharterAndTheAccountManagerAcceptsIt() {
        String title = "Устав, редакция " + UUID.randomUUID().toString().substring(0, 8);
        buyerBrowser = Browser.newContext("http://localhost:" + port, "en-US");
        Page buyer = signIn(buyerBrowser, "admin@alpha.demo");

        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Company")).click();
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ООО «Альфа Строй»")).click();
        buyer.getByTestId("documents-link").click();
        assertThat(buyer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Founding documents of ООО «Альфа Строй»");
        buyer.getByLabel("Type").selectOption("CHARTER");
        buyer.getByLabel("Title").fill(title);
        buyer.getByLabel("File").setInputFiles(new FilePayload("Устав Альфа Строй.pdf", "application/pdf", pdf()));
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        assertThat(buyer.getByRole(AriaRole.STATUS)).hasText("Document \u201c" + title + "\u201d uploaded; "
                + "the seller will review it.");
        Locator buyerRow = row(buyer, "documents-table", title);
        assertThat(buyerRow).containsText("Charter");
        assertThat(buyerRow).containsText("Устав Альфа Строй.pdf");
        assertThat(buyerRow.getByTestId("review")).containsText("waiting for review");
        Browser.screenshot(buyer, "founding-documents-buyer-en");

        staffBrowser = Browser.newContext("http://localhost:" + port, "en-US");
        Page manager = signIn(staffBrowser, "manager@demo.local");
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customers").setExact(true)).click();
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Группа «Альфа»")).click();
        row(manager, "admin-entities-table", "ООО «Альфа Строй»")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Documents")).click();
        Locator staffRow = row(manager, "admin-documents-table", title);
        assertThat(staffRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Устав Альфа Строй.pdf")))
                .hasAttribute("href", Pattern.compile("/admin/customers/founding-documents/\\d+/file"));
        Browser.screenshot(manager, "founding-documents-review-en");
        staffRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();

        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("\u201c" + title + "\u201d accepted.");
        Locator review = row(manager, "admin-documents-table", title).getByTestId("review");
        assertThat(review).containsText("accepted");
        assertThat(review).containsText("Иван Менеджеров");
        Browser.screenshot(manager, "founding-documents-accepted-en");

        buyer.reload();
        assertThat(row(buyer, "documents-table", title).getByTestId("review")).containsText("accepted");
    }

    private static Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        Browser.signIn(page, email);
        assertThat(page).hasURL(Pattern.compile(".*/(admin|\\?continue)?$"));
        return page;
    }

    private static Locator row(Page page, String table, String text) {
        return page.getByTestId(table).locator("tbody tr", new Locator.LocatorOptions().setHasText(text));
    }

    /** A one-page PDF that a viewer opens, unique per run. */
    private static byte[] pdf() {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 760);
                text.showText("Charter of Alpha Stroy LLC, " + UUID.randomUUID());
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
