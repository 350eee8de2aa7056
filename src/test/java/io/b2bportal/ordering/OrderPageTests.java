package io.b2bportal.ordering;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.ordering.CartClient.unique;
import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout page over real HTTP: a refusal is shown on the page in the buyer's language and changes nothing; the
 * form's one-time token makes a second submission of the same form (a double click, a reload) the same order.
 */
@PortalTest
class OrderPageTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    OrderFixture fixture;
    CartClient api;
    WebSession web;

    @BeforeEach
    void signIn() {
        fixture = new OrderFixture(jdbc);
        OrderFixture.acceptAgreement(new Http(port), fixture.entity(ALPHA_STROY));
        api = new CartClient(new Http(port), "buyer@alpha.demo").actingFor(fixture.entity(ALPHA_STROY));
        web = new WebSession(port).login("buyer@alpha.demo", "demo");
        web.get("/?lang=ru");
    }

    @Test
    void aRefusedCheckoutSaysWhyOnThePageAndChangesNothing() {
        String sku = fixture.product("100", 10, false);
        long cart = api.createCart(unique("Мелочь"));
        api.addLine(cart, sku, "2");
        long before = fixture.orderCount();

        HttpResponse<String> form = web.get("/checkout?cart=" + cart);
        HttpResponse<String> refused = web.post("/checkout", body(form.body(), cart), null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("меньше минимальной суммы заказа").contains("не хватает");
        assertThat(fixture.orderCount()).isEqualTo(before);
        assertThat(api.lines(cart)).containsExactly(sku + "=2");
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("0");
    }

    @Test
    void theSameFormSentTwicePlacesOneOrder() {
        String sku = fixture.product("20000", 10, false);
        long cart = api.createCart(unique("Дважды"));
        api.addLine(cart, sku, "2");
        long before = fixture.orderCount();
        String form = web.get("/checkout?cart=" + cart).body();

        HttpResponse<String> first = web.post("/checkout", body(form, cart), null);
        HttpResponse<String> second = web.post("/checkout", body(form, cart), null);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/orders/\\d{4}-\\d{6}");
        assertThat(second.headers().firstValue("Location")).hasValue(location);
        assertThat(fixture.orderCount()).isEqualTo(before + 1);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("2");
        assertThat(web.get(location.replaceAll("^https?://[^/]+", "")).body()).contains(sku).contains("оформлен");
    }

    private static String body(String html, long cart) {
        Matcher token = TOKEN.matcher(html);
        assertThat(token.find()).isTrue();
        return "_csrf=" + encode(WebSession.csrfToken(html)) + "&cart=" + cart + "&merge=one&poNumber=PO-1"
                + "&token=" + encode(token.group(1));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
