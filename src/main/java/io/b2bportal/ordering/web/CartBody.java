package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.CartViews;
import io.b2bportal.ordering.cart.Carts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the cart body fragment ({@code ordering/cart :: cart-body}) needs, for the page and for htmx answers alike. */
@Component
class CartBody {

    private final Carts carts;
    private final CartViews views;

    CartBody(Carts carts, CartViews views) {
        this.carts = carts;
        this.views = views;
    }

    void fill(Buyer buyer, long cartId, Model model) {
        model.addAttribute("view", views.view(buyer, cartId));
        model.addAttribute("viewAs", buyer.viewAs());
        model.addAttribute("carts", carts.list(buyer));
        model.addAttribute("cartBadge", CartBadgeAdvice.badge(carts, buyer));
    }
}
