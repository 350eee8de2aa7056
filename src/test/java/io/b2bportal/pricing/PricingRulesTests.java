package io.b2bportal.pricing;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a page or a cart are read in the same few statements whatever the number of products: never N+1. */
@PortalTest
class PricingRulesTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRulesForTenOrTwoHundredOrAThousandProductsTakeTheSameThreeStatements() {
        AtomicInteger statements = new AtomicInteger();
        PricingRules rules = new PricingRules(JdbcClient.create(counting(dataSource, statements)));
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

        assertThat(counts).as("statements for %s products", Arrays.toString(sizes)).containsOnly(3);
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
