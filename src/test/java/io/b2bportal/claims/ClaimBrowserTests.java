package io.b2bportal.claims;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.support.Browser;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Shortage claims in a real Chromium, from the buyer's report (with a photo) through the thread with the seller to an
 * accepted claim resolved by a zero-price replacement order — the buyer never sees the seller's internal note — or by
 * a credit note that the buyer then finds among their documents and in their statement of account.
 */
@PortalTest
class ClaimBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;

    BrowserContext buyerContext;
    BrowserContext staffContext;
    ClaimFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ClaimFixture(jdbc, new Http(port), checkout, lifecycle);
        buyerContext = Browser.newContext("http://localhost:" + port, "en-US");
        staffContext = Browser.newContext("http://localhost:" + port, "en-US");
    }

    @AfterEach
    void close() {
        buyerContext.close();
        staffContext.close();
    }

    @Test
    void aShortageGoesFromTheBuyersReportThroughTheThreadToAReplacementOrder() {
        String sku = fixture.product("2500", 30);
        long order = fixture.shipped(sku, 8, 8);
        String orderNumber = jdbc.sql("select number from ordering.orders where id = :id").param("id", order)
                .query(String.class).single();
        String secret = "Склад: пересчитать паллету " + UUID.randomUUID();

        Page buyer = buyerContext.newPage();
        Browser.signIn(buyer, "buyer@alpha.demo");
        buyer.navigate("/claims?lang=en");
        buyer.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Claims"));
        Browser.screenshot(buyer, "claims-list-en");
        buyer.getByTestId("claim-start").getByLabel("Order").selectOption(String.valueOf(order));
        buyer.getByTestId("claim-start").getByRole(AriaRole.BUTTON).click();

        assertThat(buyer.locator("h1")).containsText(orderNumber);
        buyer.getByLabel("Claimed " + sku).fill("2");
        buyer.getByLabel("Type").selectOption("SHORTAGE");
        buyer.getByLabel("Demand").selectOption("REPLACEMENT");
        buyer.getByLabel("Description").fill("Two packs missing from the pallet, seal intact.");
        buyer.getByLabel("Photos").setInputFiles(new FilePayload("pallet.png", "image/png", ClaimFixture.png(11)));
        Browser.screenshot(buyer, "claim-new-en");
        buyer.getByTestId("claim-submit").click();

        assertThat(buyer.getByTestId("done")).containsText("The claim is open");
        assertThat(buyer.getByTestId("claim-status")).hasText("new");
        assertThat(buyer.getByTestId("claim-deadline")).containsText("answer by");
        assertThat(buyer.getByTestId("claim-lines")).containsText(sku);
        assertThat(buyer.getByTestId("claim-files").locator("img")).hasAttribute("alt", "pallet.png");
        String claimUrl = buyer.url();
        String number = buyer.getByTestId("claim-number").textContent().replace("Claim ", "").strip();
        Browser.screenshot(buyer, "claim-buyer-new-en");

        Page staff = staffContext.newPage();
        Browser.signIn(staff, "ops@demo.local");
        staff.navigate("/admin/claims?lang=en");
        Locator row = staff.getByTestId("claims-queue").locator("tr[data-claim='" + number + "']");
        assertThat(row).containsText("shortage");
        Browser.screenshot(staff, "claims-queue-en");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        staff.getByTestId("review").click();
        assertThat(staff.getByTestId("claim-status")).hasText("in review");
        staff.getByLabel("Question to the buyer").fill("How many packs exactly, and which pallet label?");
        staff.getByTestId("ask").click();
        assertThat(staff.getByTestId("claim-status")).hasText("waiting for the buyer");
        staff.getByTestId("internal-notes").locator("textarea").fill(secret);
        staff.getByTestId("add-note").click();
        assertThat(staff.getByTestId("internal-notes")).containsText(secret);

        buyer.navigate(claimUrl);
        assertThat(buyer.getByTestId("claim-status")).hasText("waiting for the buyer");
        assertThat(buyer.getByTestId("claim-thread")).containsText("which pallet label");
        buyer.getByLabel("Message").fill("Exactly 2 packs, pallet label П-118.");
        buyer.getByTestId("message-send").click();
        assertThat(buyer.getByTestId("done")).containsText("Message sent");
        assertThat(buyer.getByTestId("claim-status")).hasText("in review");
        assertThat(buyer.locator("main")).not().containsText(secret);

        staff.reload();
        assertThat(staff.getByTestId("claim-thread")).containsText("pallet label П-118");
        staff.getByTestId("accept").click();
        assertThat(staff.getByTestId("claim-status")).hasText("accepted");
        staff.getByTestId("replacement").click();
        assertThat(staff.getByTestId("done")).containsText("placed at zero price");
        assertThat(staff.getByTestId("claim-status")).hasText("resolved");
        Browser.screenshot(staff, "claim-staff-resolved-en");

        buyer.reload();
        assertThat(buyer.getByTestId("claim-status")).hasText("resolved");
        assertThat(buyer.getByTestId("claim-resolution")).containsText("replacement order");
        assertThat(buyer.getByTestId("claim-history")).containsText("resolved by a replacement order");
        assertThat(buyer.locator("main")).not().containsText(secret);
        Browser.screenshot(buyer, "claim-buyer-resolved-en");
        String replacement = buyer.getByTestId("claim-resolution").locator("a").textContent()
                .replace("replacement order", "").strip();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select sum(l.quantity) from ordering.orders o join ordering.order_line l on l.order_id = o.id
                         where o.number = :n and o.channel = 'CLAIM' and o.total_gross = 0""")
                .param("n", replacement).query(BigDecimal.class).single()).isEqualByComparingTo("2");
    }

    @Test
    void aShortageGoesThroughTheThreadToACreditNoteInTheBuyersDocumentsAndStatement() {
        String sku = fixture.product("3100", 30);
        long order = fixture.shipped(sku, 6, 6);

        Page buyer = buyerContext.newPage();
        Browser.signIn(buyer, "buyer@alpha.demo");
        buyer.navigate("/claims?lang=en");
        buyer.getByTestId("claim-start").getByLabel("Order").selectOption(String.valueOf(order));
        buyer.getByTestId("claim-start").getByRole(AriaRole.BUTTON).click();
        buyer.getByLabel("Claimed " + sku).fill("1");
        buyer.getByLabel("Type").selectOption("SHORTAGE");
        buyer.getByLabel("Demand").selectOption("REFUND");
        buyer.getByLabel("Description").fill("One pack short; please credit it.");
        buyer.getByTestId("claim-submit").click();
        assertThat(buyer.getByTestId("claim-status")).hasText("new");
        String claimUrl = buyer.url();
        String number = buyer.getByTestId("claim-number").textContent().replace("Claim ", "").strip();

        Page staff = staffContext.newPage();
        Browser.signIn(staff, "accountant@demo.local");
        staff.navigate("/admin/claims?lang=en");
        staff.getByTestId("claims-queue").locator("tr[data-claim='" + number + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        staff.getByTestId("review").click();
        staff.getByLabel("Question to the buyer").fill("Is the pallet seal intact?");
        staff.getByTestId("ask").click();
        assertThat(staff.getByTestId("claim-status")).hasText("waiting for the buyer");

        buyer.navigate(claimUrl);
        buyer.getByLabel("Message").fill("Yes, the seal is intact.");
        buyer.getByTestId("message-send").click();
        assertThat(buyer.getByTestId("claim-status")).hasText("in review");

        staff.reload();
        assertThat(staff.getByTestId("claim-thread")).containsText("seal is intact");
        staff.getByTestId("accept").click();
        assertThat(staff.getByTestId("claim-status")).hasText("accepted");
        staff.getByTestId("credit-note").click();
        assertThat(staff.getByTestId("claim-status")).hasText("resolved");
        Browser.screenshot(staff, "claim-staff-credit-note-en");
        String creditNote = jdbc.sql("select credit_note_number from claims.claim where number = :n")
                .param("n", number).query(String.class).single();

        buyer.reload();
        assertThat(buyer.getByTestId("claim-resolution")).containsText(creditNote);
        buyer.navigate("/documents?type=CREDIT_NOTE&lang=en");
        assertThat(buyer.locator("main")).containsText(creditNote);
        Browser.screenshot(buyer, "claim-credit-note-documents-en");
        buyer.navigate("/finance?lang=en");
        assertThat(buyer.getByTestId("statement")).containsText(creditNote);
        assertThat(buyer.getByTestId("statement")).containsText("Credit note");
        Browser.screenshot(buyer, "claim-credit-note-statement-en");
    }

    @Test
    void theTopNavigationKeepsOneLineWithClaimsForBuyersAndStaffInBothLanguages() {
        Browser.signIn(buyerContext.newPage(), "buyer@alpha.demo");
        Browser.signIn(staffContext.newPage(), "ops@demo.local");
        for (String lang : new String[] {"en", "ru"}) {
            Page buyer = buyerContext.newPage();
            buyer.navigate("/claims?lang=" + lang);
            assertThat(buyer.locator(".mainnav")).containsText(lang.equals("en") ? "Claims" : "Рекламации");
            org.assertj.core.api.Assertions.assertThat(navHeight(buyer)).isLessThan(40);
            Browser.screenshot(buyer, "claims-list-" + lang);
            Page staff = staffContext.newPage();
            staff.navigate("/admin/claims?lang=" + lang);
            assertThat(staff.locator(".mainnav")).containsText(lang.equals("en") ? "Claims" : "Рекламации");
            org.assertj.core.api.Assertions.assertThat(navHeight(staff)).isLessThan(40);
            Browser.screenshot(staff, "claims-queue-" + lang);
            staff.locator("[data-testid=claims-queue] tbody tr a").first().click();
            Browser.screenshot(staff, "claim-staff-" + lang);
            buyer.locator("[data-testid=claims] tbody tr a").first().click();
            Browser.screenshot(buyer, "claim-buyer-" + lang);
            buyer.close();
            staff.close();
        }
    }

    private static double navHeight(Page page) {
        return ((Number) page.evaluate("document.querySelector('.mainnav').getBoundingClientRect().height"))
                .doubleValue();
    }
}
