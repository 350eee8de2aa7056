package io.b2bportal.ordering.order;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.CartLines;
import io.b2bportal.ordering.cart.CartSummary;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts all or chosen lines of a past order into a cart: the same products and quantities, at today's prices (a cart
 * always shows live ones). Products that left the buyer's assortment are skipped and counted; discontinued ones go in
 * and show their problem in the cart.
 */
@Service
public class Reorder {

    private final Orders orders;
    private final Carts carts;
    private final CartLines cartLines;
    private final CatalogApi catalog;

    Reorder(Orders orders, Carts carts, CartLines cartLines, CatalogApi catalog) {
        this.orders = orders;
        this.carts = carts;
        this.cartLines = cartLines;
        this.catalog = catalog;
    }

    /** How many lines went into which cart, and how many were skipped. */
    public record Result(long cartId, String cartName, int added, int skipped) {
    }

    @Transactional
    public Result reorder(Buyer buyer, String number, List<Integer> lineNos, Long cartId, String defaultCartName) {
        OrderView order = orders.get(Orders.Scope.buyer(buyer.legalEntityId()), number);
        Set<Integer> chosen = lineNos == null || lineNos.isEmpty() ? null : Set.copyOf(lineNos);
        Map<Long, BigDecimal> quantities = new LinkedHashMap<>();
        order.lines().stream().filter(l -> chosen == null || chosen.contains(l.lineNo()))
                .forEach(l -> quantities.merge(l.productId(), l.quantity(), BigDecimal::add));
        if (quantities.isEmpty()) {
            throw DomainException.invalid("nothing-chosen", "orders.reorder.nothing");
        }
        CartSummary cart = cartId != null ? carts.requireWritable(buyer, cartId)
                : carts.current(buyer, defaultCartName).orElseThrow(() -> DomainException.notFound("cart", "current"));
        Map<Long, OrderableProduct> products = catalog.orderableById(quantities.keySet()).stream()
                .collect(Collectors.toMap(OrderableProduct::id, Function.identity()));
        List<CartLines.Addition> additions = quantities.entrySet().stream()
                .filter(e -> products.containsKey(e.getKey()) && products.get(e.getKey()).inAssortment())
                .map(e -> new CartLines.Addition(e.getKey(), e.getValue(), false)).toList();
        if (!additions.isEmpty()) {
            cartLines.addAll(buyer, cart.id(), additions, Source.ORDER);
        }
        return new Result(cart.id(), cart.name(), additions.size(), quantities.size() - additions.size());
    }
}
