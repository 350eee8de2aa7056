package io.b2bportal.ordering.demo;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.DemoData;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo carts: Alpha's buyer has the seed's two workshop requests for «Альфа Строй» (one shared with the approver),
 * with a discontinued product and a line beyond stock to show the cart's checks.
 */
@Component
class OrderingDemoData implements DemoData {

    private final JdbcClient jdbc;
    private final CatalogApi catalog;
    private final CustomersApi customers;

    OrderingDemoData(JdbcClient jdbc, CatalogApi catalog, CustomersApi customers) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long buyer = seeding.accountId("buyer@alpha.demo");
        long approver = seeding.accountId("approver@alpha.demo");
        LegalEntityRef stroy = customers.actingEntities(buyer).stream()
                .filter(e -> "7704123450".equals(e.inn())).findFirst().orElseThrow();
        Map<String, BigDecimal> repair = new LinkedHashMap<>();
        repair.put("BLT-933-M8x40-ZINC", new BigDecimal("200"));
        repair.put("NUT-DIN934-M8-ZINC", new BigDecimal("200"));
        repair.put("WSH-DIN125-M8-ZINC", new BigDecimal("400"));
        repair.put("ANC-10x100", new BigDecimal("50"));
        repair.put("PWR-BOSCH-107", new BigDecimal("2"));
        repair.put("HND-OPENENDSPAN-13", new BigDecimal("5"));
        long repairCart = cart(stroy.id(), buyer, "Заявка ремонтного цеха", repair);
        Map<String, BigDecimal> paint = new LinkedHashMap<>();
        paint.put("PNT-TIKKURILA-BELYY-2.7", new BigDecimal("12"));
        paint.put("PNT-TIKKURILA-SERYY-2.7", new BigDecimal("8"));
        paint.put("PRM-TIKKURILA-10.0", new BigDecimal("4"));
        paint.put("GLV-NITRIL-10", new BigDecimal("48"));
        long paintCart = cart(stroy.id(), buyer, "Покрасочный цех", paint);
        jdbc.sql("insert into ordering.cart_share (cart_id, user_id, shared_by) values (:cart, :user, :by)")
                .param("cart", paintCart).param("user", approver).param("by", buyer).update();
        jdbc.sql("insert into ordering.current_cart (user_id, legal_entity_id, cart_id) values (:user, :entity, :cart)")
                .param("user", buyer).param("entity", stroy.id()).param("cart", repairCart).update();
    }

    /** A cart with lines of the products that exist (the demo catalog decides), each with an "added" history row. */
    private long cart(long entity, long owner, String name, Map<String, BigDecimal> lines) {
        long cart = jdbc.sql("""
                        insert into ordering.cart (legal_entity_id, owner_id, name, updated_by)
                        values (:entity, :owner, :name, :owner) returning id""")
                .param("entity", entity).param("owner", owner).param("name", name).query(Long.class).single();
        Map<String, OrderableProduct> products = catalog.orderableBySku(List.copyOf(lines.keySet())).stream()
                .collect(Collectors.toMap(OrderableProduct::sku, Function.identity()));
        List<String> skus = lines.keySet().stream().filter(products::containsKey).toList();
        jdbc.sql("""
                        with added as (
                               insert into ordering.cart_line (cart_id, product_id, quantity, added_by, updated_by)
                               select :cart, product_id, quantity, :owner, :owner
                                 from unnest(cast(:products as bigint[]), cast(:quantities as numeric[]))
                                      as l(product_id, quantity)
                               returning product_id, quantity)
                        insert into ordering.cart_event (cart_id, product_id, actor_id, action, new_quantity, source)
                        select :cart, product_id, :owner, 'ADDED', quantity, 'PASTE' from added""")
                .param("cart", cart).param("owner", owner)
                .param("products", skus.stream().map(s -> products.get(s).id()).toArray(Long[]::new))
                .param("quantities", skus.stream().map(lines::get).toArray(BigDecimal[]::new)).update();
        return cart;
    }
}
