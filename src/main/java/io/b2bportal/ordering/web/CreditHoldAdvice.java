package io.b2bportal.ordering.web;

import io.b2bportal.ordering.Receivables;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.order.Checkout;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The credit hold of the buyer's acting legal entity, for the banner of the home, cart and checkout pages
 * ({@code ordering/fragments :: credit-hold}). Asked through {@link Checkout#hold}, so ordering knows only its own
 * {@link Receivables} SPI; lazy, so only a page that shows the banner asks.
 */
@ControllerAdvice(annotations = Controller.class)
class CreditHoldAdvice {

    private final BuyerContext buyers;
    private final Checkout checkout;

    CreditHoldAdvice(BuyerContext buyers, Checkout checkout) {
        this.buyers = buyers;
        this.checkout = checkout;
    }

    @ModelAttribute
    void hold(Model model) {
        buyers.current().ifPresent(buyer -> model.addAttribute("creditHold",
                new LazyContextVariable<Receivables.CreditHold>() {
                    @Override
                    protected Receivables.CreditHold loadValue() {
                        return checkout.hold(buyer.legalEntityId()).orElse(null);
                    }
                }));
    }
}
