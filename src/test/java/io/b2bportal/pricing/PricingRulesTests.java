package io.b2bportal.pricing;

import io.b2bportal.pricing.engine.PriceEngine;
import io.b2bportal.pricing.engine.Rules.Buyer;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.RuleSet;
import io.b2bportal.support.PortalTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a page or a cart are read in one round trip whatever the number of products: never N+1. */
@PortalTest
class PricingRulesTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRulesForTenOrTwoHundredOrAThousandProductsAreReadInOneRoundTrip() {
        AtomicInteger statements = new AtomicInteger();
        PricingRules rules = new PricingRules(new NamedParameterJdbcTemplate(counting(dataSource, statements)));
        long entity = jdbc.sql("select id from customers.legal_entity where inn = '7704123450'").query(Long.class)
                .single();
        long company = jdbc.sql("select company_id from customers.legal_entity where id = :id").param("id", entity)
                .query(Long.class).single();
        long group = jdbc.sql("select id from customers.customer_group where code = 'wholesale'").query(Long.class)
                .single();
        Buyer buyer = new Buyer(entity, company, group, "wholesale", null);

        int[] counts = new int[3];
        int[] sizes = {10, 200, 1000};
        for (int i = 0; i < sizes.length; i++) {
            List<Product> products = products(sizes[i]);
            statements.set(0);
            PricingRules.Loaded read = rules.load(buyer, products, Instant.now());
            assertThat(read.buyer().groupPriceType()).as("the group's price type, read with the types")
                    .isEqualTo("wholesale");
            RuleSet loaded = read.rules();
            counts[i] = statements.get();
            long priced = products.stream().filter(p -> loaded.prices().values().stream()
                    .anyMatch(byProduct -> byProduct.containsKey(p.id()))).count();
            assertThat(priced).as("price rows of %d products were read", sizes[i]).isGreaterThan(sizes[i] - 3);
        }

        assertThat(counts).as("statements for %s products", Arrays.toString(sizes)).containsOnly(1);
    }

    @Test
    void theListsReadInTheSameRoundTripAreTheListsTheEngineReads() {
        AtomicInteger statements = new AtomicInteger();
        PricingRules rules = new PricingRules(new NamedParameterJdbcTemplate(counting(dataSource, statements)));
        List<Product> products = products(20);
        long list = jdbc.sql("""
                        insert into pricing.price_list (code, name) values ('rules-test', 'Rules test')
                        on conflict (code) do update set name = excluded.name returning id""").query(Long.class).single();
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, amount)
                        select :list, id, 10 from catalog.product order by id limit 5 on conflict do nothing""")
                .param("list", list).update();
        jdbc.sql("""
                        insert into pricing.price_type (code, name, price_list_id) values ('rules-test', 'List', :list)
                        on conflict do nothing""").param("list", list).update();
        jdbc.sql("""
                        insert into pricing.price_type (code, name, parent_code, adjustment_kind, adjustment)
                        values ('rules-test-derived', 'Derived', 'rules-test', 'PERCENT', -5),
                               ('rules-test-a', 'A', 'base', 'PERCENT', -1), ('rules-test-b', 'B', 'rules-test-a', 'PERCENT', -1)
                        on conflict do nothing""").update();
        // a circle, as only bad data could make it: the engine skips the type and reports it
        jdbc.sql("update pricing.price_type set parent_code = 'rules-test-b' where code = 'rules-test-a'").update();
        long wholesale = jdbc.sql("select id from customers.customer_group where code = 'wholesale'")
                .query(Long.class).single();

        for (Buyer buyer : List.of(new Buyer(1L, 1L, null, "rules-test-derived", null),
                new Buyer(1L, 1L, wholesale, "rules-test", null), new Buyer(1L, 1L, wholesale, "rules-test-a", null),
                new Buyer(1L, 1L, null, "rules-test-a", null), new Buyer(1L, 1L, wholesale, "no-such-type", null),
                new Buyer(1L, 1L, null, null, null))) {
            statements.set(0);
            PricingRules.Loaded read = rules.load(buyer, products, Instant.now());
            assertThat(statements.get()).as("%s: no second look for lists the first did not read", buyer)
                    .isEqualTo(1);
            assertThat(read.rules().prices().keySet()).as("%s", buyer).isSubsetOf(
                    PriceEngine.listsRead(read.rules(), read.buyer()));
            assertThat(read.rules().prices()).as("%s", buyer).isNotEmpty();
        }
    }

    private List<Product> products(int limit) {
        return jdbc.sql("""
                        select p.id, p.sku, p.vat_rate, c.path, p.brand from catalog.product p
                          join catalog.category c on c.id = p.category_id order by p.id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("vat_rate"),
                        Arrays.stream(rs.getString("path").split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                                .toList(), rs.getString("brand")))
                .list();
    }

    /** A data source that counts every statement its connections prepare or create. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(PricingRulesTests.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(PricingRulesTests.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                            || m.getName().equals("prepareCall")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
