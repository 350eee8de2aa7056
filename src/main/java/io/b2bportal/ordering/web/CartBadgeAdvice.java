package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.Carts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the buyer's current cart (name and line count) into every page, for the header; one query, and nothing
 * for staff or users who do not order. Creates no cart: that happens on first use.
 */
@ControllerAdvice(annotations = Controller.class)
class CartBadgeAdvice {

    private final BuyerContext buyers;
    private final Carts carts;

    CartBadgeAdvice(BuyerContext buyers, Carts carts) {
        this.buyers = buyers;
        this.carts = carts;
    }

    /** The header's cart link: the current cart, or none yet (count 0). */
    record CartBadge(Long cartId, String name, int lines) {
    }

    @ModelAttribute
    void badge(Model model) {
        buyers.current().ifPresent(buyer -> model.addAttribute("cartBadge", badge(carts, buyer)));
    }

    static CartBadge badge(Carts carts, io.b2bportal.ordering.cart.Buyer buyer) {
        return carts.currentIfAny(buyer).map(c -> new CartBadge(c.id(), c.name(), c.lines()))
                .orElse(new CartBadge(null, null, 0));
    }
}
