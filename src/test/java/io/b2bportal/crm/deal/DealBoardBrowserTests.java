package io.b2bportal.crm.deal;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.b2bportal.support.Browser;
import io.b2bportal.support.PortalTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal board in a real Chromium: an account manager drags a card to the next column, the move is saved (it is
 * still there after a reload) and shows in the deal's stage history; dropping on the LOST column asks for the
 * reason; the keyboard alternative moves a card too. Screenshots of the board in both languages, the list, a deal
 * and the lead list.
 */
@PortalTest
class DealBoardBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deals deals;

    BrowserContext context;
    DealFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DealFixture(jdbc, deals);
        context = Browser.newContext("http://localhost:" + port, "en-US");
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Locator card(Page page, long dealId) {
        return page.locator(".crm-card[data-deal='" + dealId + "']");
    }

    private Locator column(Page page, long stageId) {
        return page.locator(".crm-col[data-stage='" + stageId + "']");
    }

    @Test
    void aManagerDragsADealToTheNextStageAndItStaysThereWithItsHistory() {
        long deal = fixture.deal("Board drag", DealFixture.ALPHA, "manager@demo.local");
        List<Long> stages = fixture.stages("new-clients");
        Page page = context.newPage();
        Browser.signIn(page, "manager@demo.local");
        page.navigate("/admin/crm/deals?pipeline=new-clients&lang=en");
        assertThat(column(page, stages.get(0)).locator(".crm-card[data-deal='" + deal + "']")).isVisible();
        Browser.screenshot(page, "crm-board-en");

        card(page, deal).dragTo(column(page, stages.get(1)));

        assertThat(column(page, stages.get(1)).locator(".crm-card[data-deal='" + deal + "']")).isVisible();
        page.reload();
        assertThat(column(page, stages.get(1)).locator(".crm-card[data-deal='" + deal + "']")).isVisible();
        assertThat(column(page, stages.get(0)).locator(".crm-card[data-deal='" + deal + "']")).hasCount(0);
        assertThat(fixture.stageOf(deal)).isEqualTo(stages.get(1));

        card(page, deal).locator("a.crm-card__title").click();
        assertThat(page.getByTestId("deal-stage")).hasText("Потребности");
        Locator history = page.getByTestId("deal-history").locator("tbody tr");
        assertThat(history).hasCount(2);
        assertThat(history.nth(1)).containsText("Первый контакт");
        assertThat(history.nth(1)).containsText("Потребности");
        assertThat(history.nth(1)).containsText("Менеджер");
        Browser.screenshot(page, "crm-deal-en");
    }

    @Test
    void droppingOnTheLostColumnAsksForTheReasonAndTheKeyboardMovesACardToo() {
        long deal = fixture.deal("Board lost", DealFixture.BETA, "manager@demo.local");
        long keyed = fixture.deal("Board keys", DealFixture.BETA, "manager@demo.local");
        List<Long> stages = fixture.stages("new-clients");
        long lost = fixture.lostStage("new-clients");
        Page page = context.newPage();
        Browser.signIn(page, "manager@demo.local");
        page.navigate("/admin/crm/deals?pipeline=new-clients&lang=ru");

        card(page, deal).dragTo(column(page, lost));
        assertThat(page.getByTestId("lost-dialog")).isVisible();
        Browser.screenshot(page, "crm-board-lost-dialog-ru");
        page.locator("#lost-reason").fill("Выбрали другого поставщика");
        page.getByTestId("lost-confirm").click();
        assertThat(column(page, lost).locator(".crm-card[data-deal='" + deal + "']")).isVisible();
        assertThat(jdbc.sql("select lost_reason from crm.deal where id = :id").param("id", deal).query(String.class)
                .single()).isEqualTo("Выбрали другого поставщика");

        card(page, keyed).focus();
        page.keyboard().press("ArrowRight");
        assertThat(column(page, stages.get(1)).locator(".crm-card[data-deal='" + keyed + "']")).isVisible();
        card(page, keyed).getByTestId("card-stage").selectOption(String.valueOf(stages.get(3)));
        card(page, keyed).getByTestId("card-move").click();
        assertThat(column(page, stages.get(3)).locator(".crm-card[data-deal='" + keyed + "']")).isVisible();
        assertThat(fixture.stageOf(keyed)).isEqualTo(stages.get(3));
        Browser.screenshot(page, "crm-board-ru");
    }

    @Test
    void aStaleCardReloadsTheBoardInsteadOfMovingTheDeal() {
        long deal = fixture.deal("Board stale", DealFixture.ALPHA, "manager@demo.local");
        List<Long> stages = fixture.stages("new-clients");
        Page page = context.newPage();
        Browser.signIn(page, "manager@demo.local");
        page.navigate("/admin/crm/deals?pipeline=new-clients&lang=en");
        deals.move(deal, stages.get(2), fixture.version(deal), null, fixture.user("head@demo.local"));

        page.waitForLoadState();
        card(page, deal).dragTo(column(page, stages.get(1)));

        // the board reloads and shows where the deal really is
        assertThat(column(page, stages.get(2)).locator(".crm-card[data-deal='" + deal + "']")).isVisible();
        assertThat(fixture.stageOf(deal)).isEqualTo(stages.get(2));
    }

    @Test
    void theListTheLeadsAndTheBoardLookRight() {
        Page page = context.newPage();
        Browser.signIn(page, "head@demo.local");
        page.navigate("/admin/crm/deals?view=list&lang=en");
        assertThat(page.getByTestId("deal-list")).containsText("Альфа: филиал в Казани");
        Browser.screenshot(page, "crm-deals-list-en");
        page.navigate("/admin/crm/leads?lang=en");
        assertThat(page.getByTestId("lead-list")).containsText("ООО «Дельта Монтаж»");
        Browser.screenshot(page, "crm-leads-en");
        page.navigate("/admin/crm/deals?pipeline=expansion&lang=ru");
        assertThat(page.getByTestId("board")).containsText("Альфа: лакокрасочные материалы");
        Browser.screenshot(page, "crm-board-expansion-ru");
        page.navigate("/admin/crm/deals/new?companyId=" + fixture.company(DealFixture.BETA) + "&lang=en");
        assertThat(page.getByLabel("Client")).hasValue(String.valueOf(fixture.company(DealFixture.BETA)));
        Browser.screenshot(page, "crm-deal-form-en");
        page.navigate("/admin/crm/leads?lang=ru");
        page.getByTestId("lead-list").getByText("АО «Зета Девелопмент»").click();
        assertThat(page.getByTestId("lead-status")).hasText("квалифицирован");
        Browser.screenshot(page, "crm-lead-ru");
        page.navigate("/admin/crm/pipelines?pipeline=new-clients&lang=en");
        assertThat(page.getByTestId("stages").locator("tbody tr")).hasCount(7);
        Browser.screenshot(page, "crm-pipelines-en");
        page.navigate("/admin/crm/leads/import?lang=en");
        page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("leads.csv", "text/csv",
                ("company;contact;phone\nООО «Браузер»;Ия;+7 900 100-00-00\n;;\nООО «Плохой»;Ян;abc\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("[data-testid=lead-import-form] button").click();
        assertThat(page.getByTestId("import-report")).containsText("1 leads imported, 1 rows refused");
        Browser.screenshot(page, "crm-lead-import-en");

        BrowserContext visitor = Browser.newContext("http://localhost:" + port, "ru-RU");
        Page anonymous = visitor.newPage();
        anonymous.navigate("/login?lang=ru");
        anonymous.getByTestId("request-a-call-link").click();
        anonymous.getByLabel("Ваше имя").fill("Браузерный Посетитель");
        anonymous.getByLabel("Телефон").fill("+7 900 200-30-40");
        Browser.screenshot(anonymous, "crm-request-a-call-ru");
        anonymous.getByTestId("request-send").click();
        assertThat(anonymous.getByTestId("request-thanks")).isVisible();
        visitor.close();
        page.navigate("/admin/crm/leads?status=NEW&lang=ru");
        assertThat(page.getByTestId("lead-list")).containsText("Браузерный Посетитель");
        Browser.screenshot(page, "crm-leads-ru");
    }
}
