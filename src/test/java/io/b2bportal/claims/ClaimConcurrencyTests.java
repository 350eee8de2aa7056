package io.b2bportal.claims;

import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.claims.ClaimFixture.BUYER;
import static org.assertj.core.api.Assertions.assertThat;

/** Claims sent at the same moment never claim more of a line than was shipped, minus what was claimed already. */
@PortalTest
class ClaimConcurrencyTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void eightClaimsAtOnceTakeAtMostWhatWasShipped() throws Exception {
        ClaimFixture fixture = new ClaimFixture(jdbc, new Http(port), checkout, lifecycle);
        long order = fixture.shipped(fixture.product("3000", 20), 10, 10);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                Callable<HttpResponse<String>> claim = () -> {
                    start.await();
                    return fixture.open(BUYER, order, ClaimFixture.claim(order, "3"));
                };
                sent.add(pool.submit(claim));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                HttpResponse<String> answer = response.get();
                statuses.add(answer.statusCode());
                if (answer.statusCode() == 422) {
                    assertThat(answer.body()).contains("claim-too-much");
                }
            }

            // 3 + 3 + 3 fit in 10, a fourth would not
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        }
        assertThat(jdbc.sql("""
                        select sum(l.quantity) from claims.claim_line l join claims.claim c on c.id = l.claim_id
                         where c.order_id = :order""")
                .param("order", order).query(BigDecimal.class).single()).isEqualByComparingTo("9");
    }
}
