package io.b2bportal.ordering.cart;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who changed what in a cart, newest first: line added, quantity changed, line removed, and from where. */
@Service
public class CartHistory {

    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final Carts carts;
    private final CatalogApi catalog;

    CartHistory(JdbcClient jdbc, Carts carts, CatalogApi catalog) {
        this.jdbc = jdbc;
        this.carts = carts;
        this.catalog = catalog;
    }

    /**
     * One change of one line. {@code otherCart} names the cart of a move or copy; the product is shown as the catalog
     * shows it now (its name only while it is in the buyer's assortment).
     */
    public record Entry(long id, OffsetDateTime at, String actor, String action, long productId, String sku, String name,
            String nameEn, BigDecimal oldQuantity, BigDecimal newQuantity, String source, String otherCart) {
    }

    private record Row(long id, OffsetDateTime at, String actor, String action, long productId, BigDecimal oldQuantity,
            BigDecimal newQuantity, String source, String otherCart) {
    }

    /** A page of {@link #PAGE_SIZE} entries, and one more if there is a next page. */
    @Transactional(readOnly = true)
    public List<Entry> page(Buyer buyer, long cartId, int page) {
        carts.get(buyer, cartId);
        List<Row> rows = jdbc.sql("""
                        select e.id, e.at, u.display_name as actor, e.action, e.product_id, e.old_quantity,
                               e.new_quantity, e.source, e.other_cart
                          from ordering.cart_event e
                          join platform.user_account u on u.id = e.actor_id
                         where e.cart_id = :cart
                         order by e.id desc limit :limit offset :offset""")
                .param("cart", cartId).param("limit", PAGE_SIZE + 1)
                .param("offset", Math.max(0, Math.min(page, 10_000)) * PAGE_SIZE).query(Row.class).list();
        Map<Long, OrderableProduct> products = catalog.orderableById(rows.stream().map(Row::productId).toList())
                .stream().collect(Collectors.toMap(OrderableProduct::id, Function.identity()));
        return rows.stream().map(r -> {
            OrderableProduct p = products.get(r.productId());
            return new Entry(r.id(), r.at(), r.actor(), r.action(), r.productId(), p == null ? null : p.sku(),
                    p == null ? null : p.name(), p == null ? null : p.nameEn(), r.oldQuantity(), r.newQuantity(),
                    r.source(), r.otherCart());
        }).toList();
    }
}
