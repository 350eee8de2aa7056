package io.b2bportal.ordering.cart;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.cart.CartLines.Line;
import io.b2bportal.ordering.cart.CartView.LineView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the cart view: the lines (one query), their products with stock (one catalog query), their prices (one
 * pricing call), their problems (plain Java). The number of statements does not grow with the lines.
 */
@Service
public class CartViews {

    private final Carts carts;
    private final CartLines lines;
    private final CatalogApi catalog;
    private final CartPricing pricing;

    CartViews(Carts carts, CartLines lines, CatalogApi catalog, CartPricing pricing) {
        this.carts = carts;
        this.lines = lines;
        this.catalog = catalog;
        this.pricing = pricing;
    }

    @Transactional(readOnly = true)
    public CartView view(Buyer buyer, long cartId) {
        CartSummary cart = carts.get(buyer, cartId);
        List<Line> stored = lines.lines(buyer, cartId);
        Map<Long, OrderableProduct> products = catalog.orderableById(stored.stream().map(Line::productId).toList())
                .stream().collect(Collectors.toMap(OrderableProduct::id, Function.identity()));
        CartPricing.Priced priced = pricing.price(buyer.legalEntityId(), stored.stream()
                .filter(line -> products.containsKey(line.productId()) && products.get(line.productId()).inAssortment())
                .toList());
        List<LineView> views = new ArrayList<>(stored.size());
        for (Line line : stored) {
            OrderableProduct product = products.get(line.productId());
            views.add(view(line, product, priced.prices().get(line.id()), priced.available()));
        }
        int blocking = (int) views.stream().filter(LineView::blocking).count();
        return new CartView(cart, views, priced.totals(), blocking);
    }

    private static LineView view(Line line, OrderableProduct product, CartView.Price price, boolean pricingAvailable) {
        List<LineProblem> problems = new ArrayList<>(LineProblems.of(product, line.quantity(), line.backorder()));
        if (pricingAvailable && price == null && product.inAssortment()) {
            problems.add(new LineProblem(LineProblem.Code.NO_PRICE, LineProblem.Severity.ERROR,
                    Reason.of("ordering.problem.no-price")));
        }
        BigDecimal take = product.inAssortment()
                ? PackPolicy.roundDown(product.available(), product.minOrderQty(), product.packMultiple())
                : BigDecimal.ZERO;
        return new LineView(line.id(), line.productId(), product.sku(), product.inAssortment(), product.name(),
                product.nameEn(), product.unitCode(), product.unitName(), product.packMultiple(),
                product.minOrderQty(), line.quantity(), line.backorder(), product.backorderAllowed(),
                product.available(), take, product.successorSku(), List.copyOf(problems), price, line.addedBy(),
                line.addedAt(), line.updatedBy(), line.updatedAt());
    }
}
