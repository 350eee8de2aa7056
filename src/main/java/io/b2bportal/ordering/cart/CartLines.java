package io.b2bportal.ordering.cart;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lines of a cart: one per product. Adding a product that is already there adds to its quantity. Every change is
 * written to the cart's history in the same statement (who, when, what, from where). Bulk work (a confirmed quick
 * order, a move, a copy) is one upsert of all lines, however many.
 */
@Service
public class CartLines {

    /** A cart holds at most this many lines (two full quick orders). */
    public static final int MAX_LINES = 20_000;

    private final JdbcClient jdbc;
    private final Carts carts;
    private final CatalogApi catalog;

    CartLines(JdbcClient jdbc, Carts carts, CatalogApi catalog) {
        this.jdbc = jdbc;
        this.carts = carts;
        this.catalog = catalog;
    }

    /** A line as stored: the product by id, the quantity, whether the buyer accepted a backorder, who touched it. */
    public record Line(long id, long productId, BigDecimal quantity, boolean backorder, String addedBy,
            java.time.OffsetDateTime addedAt, String updatedBy, java.time.OffsetDateTime updatedAt) {
    }

    /** What to put into a cart: a product, a quantity, and whether what is beyond stock may ship later. */
    public record Addition(long productId, BigDecimal quantity, boolean backorder) {
    }

    @Transactional(readOnly = true)
    public List<Line> lines(Buyer buyer, long cartId) {
        carts.get(buyer, cartId);
        return jdbc.sql("""
                        select l.id, l.product_id, l.quantity, l.backorder, a.display_name as added_by, l.added_at,
                               u.display_name as updated_by, l.updated_at
                          from ordering.cart_line l
                          join platform.user_account a on a.id = l.added_by
                          join platform.user_account u on u.id = l.updated_by
                         where l.cart_id = :cart order by l.id""")
                .param("cart", cartId).query(Line.class).list();
    }

    /**
     * Adds one product by SKU, checked like a typed cart line: known, in the assortment, not discontinued, a valid
     * quantity for its unit, minimum and pack. Goes into the existing line when the product is already there.
     */
    @Transactional
    public void add(Buyer buyer, long cartId, String sku, BigDecimal quantity, boolean backorder, Source source) {
        carts.requireWritable(buyer, cartId);
        OrderableProduct product = orderable(sku);
        checkQuantity(product, quantity);
        upsert(jdbc, buyer, cartId, List.of(new Addition(product.id(), quantity,
                backorder && product.backorderAllowed())), source, null);
    }

    /** All additions at once (a confirmed review): one statement for the lines and their history. */
    @Transactional
    public void addAll(Buyer buyer, long cartId, List<Addition> additions, Source source) {
        carts.requireWritable(buyer, cartId);
        upsert(jdbc, buyer, cartId, additions, source, null);
    }

    /** A new quantity (checked like a typed line) and, where the product allows it, whether to backorder the rest. */
    @Transactional
    public void change(Buyer buyer, long cartId, long lineId, BigDecimal quantity, Boolean backorder) {
        carts.requireWritable(buyer, cartId);
        OrderableProduct product = productOf(cartId, lineId);
        if (quantity != null) {
            if (!product.inAssortment()) {
                throw Reason.of("ordering.line.not-in-assortment", product.sku()).refusal("not-in-assortment");
            }
            checkQuantity(product, quantity);
        }
        jdbc.sql("""
                        with old as (select quantity from ordering.cart_line where id = :id),
                             changed as (
                               update ordering.cart_line
                                  set quantity = coalesce(:quantity, quantity),
                                      backorder = coalesce(:backorder, backorder) and :allowed,
                                      updated_by = :user, updated_at = now()
                                where id = :id returning quantity),
                             touched as (update ordering.cart set updated_at = now(), updated_by = :user where id = :cart)
                        insert into ordering.cart_event (cart_id, product_id, actor_id, action, old_quantity, new_quantity,
                                                         source)
                        select :cart, :product, :user, 'CHANGED', old.quantity, changed.quantity, 'CART'
                          from old, changed where old.quantity <> changed.quantity""")
                .param("id", lineId).param("cart", cartId).param("product", product.id()).param("user", buyer.userId())
                .param("quantity", quantity, java.sql.Types.NUMERIC)
                .param("backorder", backorder, java.sql.Types.BOOLEAN)
                .param("allowed", product.backorderAllowed()).update();
    }

    /** A line over stock gets what is available now, rounded down to its pack (refused when not even its minimum is). */
    @Transactional
    public void takeAvailable(Buyer buyer, long cartId, long lineId) {
        carts.requireWritable(buyer, cartId);
        OrderableProduct product = productOf(cartId, lineId);
        BigDecimal available = PackPolicy.roundDown(product.available(), product.minOrderQty(), product.packMultiple());
        if (available.signum() == 0) {
            throw Reason.of("ordering.line.nothing-available", product.sku()).refusal("nothing-available");
        }
        change(buyer, cartId, lineId, available, false);
    }

    /**
     * A discontinued product's line becomes a line of its successor: the same quantity, raised to the successor's
     * minimum and pack; the history shows the one removed and the other added.
     */
    @Transactional
    public void replaceWithSuccessor(Buyer buyer, long cartId, long lineId) {
        carts.requireWritable(buyer, cartId);
        OrderableProduct old = productOf(cartId, lineId);
        if (!old.inAssortment() || !old.discontinued() || old.successorSku() == null) {
            throw Reason.of("ordering.line.no-successor", old.sku()).refusal("no-successor");
        }
        OrderableProduct successor = orderable(old.successorSku());
        BigDecimal quantity = jdbc.sql("select quantity from ordering.cart_line where id = :id").param("id", lineId)
                .query(BigDecimal.class).single();
        BigDecimal rounded = PackPolicy.roundUp(quantity, successor.minOrderQty(), successor.packMultiple());
        checkQuantity(successor, rounded);
        removeLines(buyer, cartId, List.of(lineId), Source.CART, null);
        upsert(jdbc, buyer, cartId, List.of(new Addition(successor.id(), rounded, false)), Source.CART, null);
    }

    private OrderableProduct productOf(long cartId, long lineId) {
        long productId = jdbc.sql("select product_id from ordering.cart_line where id = :id and cart_id = :cart")
                .param("id", lineId).param("cart", cartId).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("cart-line", lineId));
        return catalog.orderableById(List.of(productId)).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("cart-line", lineId));
    }

    /** Removes lines of the cart (ids of other carts are ignored). */
    @Transactional
    public int remove(Buyer buyer, long cartId, List<Long> lineIds, Source source) {
        carts.requireWritable(buyer, cartId);
        return removeLines(buyer, cartId, lineIds, source, null);
    }

    /** Copies the chosen lines into another cart the buyer may change; quantities add up where a product is there. */
    @Transactional
    public int copy(Buyer buyer, long cartId, List<Long> lineIds, long targetCartId) {
        CartSummary source = carts.get(buyer, cartId);
        CartSummary target = target(buyer, cartId, targetCartId);
        return upsert(jdbc, buyer, target.id(), """
                        select product_id, quantity, backorder from ordering.cart_line
                         where cart_id = :from and id = any(cast(:ids as bigint[]))""",
                Map.of("from", cartId, "ids", lineIds.toArray(Long[]::new)), Source.COPY, source.name());
    }

    /** Moves the chosen lines into another cart: a copy there, a removal here, both in the history. */
    @Transactional
    public int move(Buyer buyer, long cartId, List<Long> lineIds, long targetCartId) {
        CartSummary source = carts.requireWritable(buyer, cartId);
        CartSummary target = target(buyer, cartId, targetCartId);
        int moved = upsert(jdbc, buyer, target.id(), """
                        select product_id, quantity, backorder from ordering.cart_line
                         where cart_id = :from and id = any(cast(:ids as bigint[]))""",
                Map.of("from", cartId, "ids", lineIds.toArray(Long[]::new)), Source.MOVE, source.name());
        removeLines(buyer, cartId, lineIds, Source.MOVE, target.name());
        return moved;
    }

    private CartSummary target(Buyer buyer, long cartId, long targetCartId) {
        if (targetCartId == cartId) {
            throw DomainException.invalid("same-cart", "ordering.lines.same-cart");
        }
        return carts.requireWritable(buyer, targetCartId);
    }

    private int removeLines(Buyer buyer, long cartId, List<Long> lineIds, Source source, String otherCart) {
        return jdbc.sql("""
                        with removed as (
                               delete from ordering.cart_line
                                where cart_id = :cart and id = any(cast(:ids as bigint[]))
                               returning product_id, quantity),
                             touched as (update ordering.cart set updated_at = now(), updated_by = :user where id = :cart)
                        insert into ordering.cart_event (cart_id, product_id, actor_id, action, old_quantity, source,
                                                         other_cart)
                        select :cart, product_id, :user, 'REMOVED', quantity, :source, :other from removed""")
                .param("cart", cartId).param("ids", lineIds.toArray(Long[]::new)).param("user", buyer.userId())
                .param("source", source.name()).param("other", otherCart).update();
    }

    /** The product of a typed SKU, or why it cannot go into a cart. */
    OrderableProduct orderable(String sku) {
        if (sku == null || sku.isBlank()) {
            throw Reason.of("ordering.line.sku-missing").refusal("unknown-sku");
        }
        String typed = sku.strip();
        List<OrderableProduct> found = catalog.orderableBySku(List.of(typed));
        OrderableProduct product = found.stream().filter(p -> p.sku().equals(typed)).findFirst()
                .or(() -> found.stream().findFirst())
                .orElseThrow(() -> Reason.of("ordering.line.unknown-sku", typed).refusal("unknown-sku"));
        if (!product.inAssortment()) {
            throw Reason.of("ordering.line.not-in-assortment", typed).refusal("not-in-assortment");
        }
        if (product.discontinued()) {
            throw (product.successorSku() == null ? Reason.of("ordering.line.discontinued", product.sku())
                    : Reason.of("ordering.line.discontinued.successor", product.sku(), product.successorSku()))
                    .refusal("discontinued");
        }
        return product;
    }

    static void checkQuantity(OrderableProduct product, BigDecimal quantity) {
        QuantityPolicy.check(quantity, product.unitCode(), product.unitName())
                .or(() -> PackPolicy.check(quantity, product.minOrderQty(), product.packMultiple(), product.unitName()))
                .ifPresent(reason -> {
                    throw reason.refusal("quantity");
                });
    }

    /** Upserts the given additions (any number) into a cart with their history, in one statement. */
    static int upsert(JdbcClient jdbc, Buyer buyer, long cartId, List<Addition> additions, Source source,
            String otherCart) {
        if (additions.isEmpty()) {
            return 0;
        }
        return upsert(jdbc, buyer, cartId, """
                        select * from unnest(cast(:products as bigint[]), cast(:quantities as numeric[]),
                                             cast(:backorders as boolean[])) as a(product_id, quantity, backorder)""",
                Map.of("products", additions.stream().map(Addition::productId).toArray(Long[]::new),
                        "quantities", additions.stream().map(Addition::quantity).toArray(BigDecimal[]::new),
                        "backorders", additions.stream().map(Addition::backorder).toArray(Boolean[]::new)),
                source, otherCart);
    }

    /**
     * Upserts the rows of a query of (product_id, quantity, backorder) into a cart: new products become lines, known
     * ones add their quantity; each change is a history row. One statement, then one count against the line limit.
     */
    static int upsert(JdbcClient jdbc, Buyer buyer, long cartId, String incomingSql, Map<String, Object> incomingParams,
            Source source, String otherCart) {
        Map<String, Object> params = new HashMap<>(incomingParams);
        params.put("cart", cartId);
        params.put("user", buyer.userId());
        params.put("source", source.name());
        params.put("other", otherCart);
        int changed;
        try {
            changed = jdbc.sql("""
                            with incoming as (
                                   -- lines keep the order they came in (the first time a product appears)
                                   select product_id, sum(quantity) as quantity, bool_or(backorder) as backorder,
                                          min(n) as n
                                     from (select i.*, row_number() over () as n from (%s) i) i group by product_id),
                                 upserted as (
                                   insert into ordering.cart_line as l (cart_id, product_id, quantity, backorder,
                                                                        added_by, updated_by)
                                   select :cart, product_id, quantity, backorder, :user, :user from incoming
                                    order by n
                                   on conflict (cart_id, product_id) do update
                                      set quantity = l.quantity + excluded.quantity,
                                          backorder = l.backorder or excluded.backorder,
                                          updated_by = excluded.updated_by, updated_at = now()
                                   returning l.product_id, l.quantity, (l.xmax = 0) as inserted),
                                 touched as (update ordering.cart set updated_at = now(), updated_by = :user
                                              where id = :cart)
                            insert into ordering.cart_event (cart_id, product_id, actor_id, action, old_quantity,
                                                             new_quantity, source, other_cart)
                            select :cart, u.product_id, :user, case when u.inserted then 'ADDED' else 'CHANGED' end,
                                   case when u.inserted then null else u.quantity - i.quantity end, u.quantity,
                                   :source, :other
                              from upserted u join incoming i on i.product_id = u.product_id""".formatted(incomingSql))
                    .params(params).update();
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains("cart_line_quantity_check")) {
                throw DomainException.invalid("quantity", "ordering.quantity.sum-too-large",
                        QuantityPolicy.plain(QuantityPolicy.MAX));
            }
            throw e;
        }
        int lines = jdbc.sql("select count(*) from ordering.cart_line where cart_id = :cart").param("cart", cartId)
                .query(Integer.class).single();
        if (lines > MAX_LINES) {
            throw DomainException.invalid("cart-full", "ordering.cart.full", MAX_LINES, lines);
        }
        return changed;
    }
}
