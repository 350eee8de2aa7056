package io.b2bportal.ordering;

import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.ordering.order.Submissions;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.b2bportal.ordering.OrderFixture.ALPHA_STROY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trying to break checkout with real threads against the real database: many buyers at once for the last units in
 * stock, and many checkouts of one legal entity at once against its credit limit. Each thread calls the checkout
 * service as the API does; they all start at the same moment.
 */
@PortalTest
class OrderConcurrencyTests {

    private static final int THREADS = 40;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkout checkout;
    @Autowired
    PricingApi pricing;
    @Autowired
    Submissions submissions;
    OrderFixture fixture;
    long stroy;
    Placer buyer;

    @BeforeEach
    void buyer() {
        fixture = new OrderFixture(jdbc);
        stroy = fixture.entity(ALPHA_STROY);
        buyer = new Placer(fixture.user("buyer@alpha.demo"), stroy, fixture.company(ALPHA_STROY), Channel.API);
    }

    @Test
    void twoHundredConcurrentCheckoutsAgainstStockOfTenReserveExactlyTen() throws Exception {
        OrderFixture.Terms terms = fixture.terms(stroy);
        String sku = fixture.product("20000", 10, false);
        // on prepayment nothing serializes checkouts of one legal entity: only the stock rows' locks stand between
        fixture.setTerms(stroy, new OrderFixture.Terms("PREPAYMENT", 0, BigDecimal.ZERO, terms.minOrderAmount()));
        try {
            List<String> outcomes = concurrently(200, () -> checkout.place(buyer, one(sku)));

            Map<String, Long> counted = outcomes.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(counted).containsOnlyKeys("placed", "out-of-stock");
            assertThat(counted.get("placed")).isEqualTo(10);
            assertThat(counted.get("out-of-stock")).isEqualTo(190);
            assertThat(fixture.reserved(sku)).isEqualByComparingTo("10");
            assertThat(fixture.onHand(sku)).isEqualByComparingTo("10");
            assertThat(jdbc.sql("select sum(reserved) from ordering.order_line where sku = :sku").param("sku", sku)
                    .query(BigDecimal.class).single()).isEqualByComparingTo("10");
        } finally {
            fixture.setTerms(stroy, terms);
        }
    }

    @Test
    void concurrentCheckoutsOfOneLegalEntityNeverExceedItsCredit() throws Exception {
        OrderFixture.Terms terms = fixture.terms(stroy);
        String sku = fixture.product("20000", 1000, false);
        BigDecimal order = pricing.quote(stroy, List.of(QuoteLine.of(sku, 1))).totals().gross();
        BigDecimal open = fixture.openOrders(stroy);
        BigDecimal limit = open.add(order.multiply(new BigDecimal("3.5")));
        fixture.setTerms(stroy, new OrderFixture.Terms("DEFERRAL", terms.deferralDays(), limit, terms.minOrderAmount()));
        try {
            List<String> outcomes = concurrently(30, () -> checkout.place(buyer, one(sku)));

            assertThat(outcomes.stream().filter("placed"::equals).count()).isEqualTo(3);
            assertThat(outcomes.stream().filter("credit-exceeded"::equals).count()).isEqualTo(27);
            assertThat(fixture.openOrders(stroy)).isLessThanOrEqualTo(limit);
            assertThat(fixture.reserved(sku)).isEqualByComparingTo("3");
        } finally {
            fixture.setTerms(stroy, terms);
        }
    }

    @Test
    void concurrentSubmissionsWithOneIdempotencyKeyPlaceOneOrder() throws Exception {
        String sku = fixture.product("20000", 100, false);
        String key = java.util.UUID.randomUUID().toString();
        java.util.Set<List<Long>> orders = java.util.concurrent.ConcurrentHashMap.newKeySet();

        List<String> outcomes = concurrently(20, () -> orders.add(submissions.place(buyer, one(sku), key).orderIds()));

        assertThat(outcomes).containsOnly("placed");
        assertThat(orders).hasSize(1);
        assertThat(jdbc.sql("select count(distinct order_id) from ordering.order_line where sku = :sku")
                .param("sku", sku).query(Long.class).single()).isEqualTo(1);
        assertThat(fixture.reserved(sku)).isEqualByComparingTo("1");
    }

    private static CheckoutRequest one(String sku) {
        return new CheckoutRequest(List.of(), List.of(new CheckoutRequest.RequestedLine(sku, BigDecimal.ONE)), false,
                false, null, List.of(), null, null, null);
    }

    /** Runs the task n times on many threads released at once; "placed" or the refusal's code for each. */
    private static List<String> concurrently(int times, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        task.run();
                        return "placed";
                    } catch (DomainException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
