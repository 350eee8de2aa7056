package io.b2bportal.ordering.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.standing.StandingOrderRunner;
import io.b2bportal.ordering.standing.StandingOrderRunner.Reason;
import io.b2bportal.ordering.standing.StandingOrders;
import io.b2bportal.ordering.standing.StandingOrders.Details;
import io.b2bportal.ordering.standing.StandingOrders.Occurrence;
import io.b2bportal.ordering.standing.StandingReviews;
import io.b2bportal.shared.DomainException;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buyer's standing orders: set one up from a cart or an order, see what each occurrence did, change the schedule,
 * pause, resume, cancel, and answer an occurrence held for review (place at today's prices, or skip).
 */
@Controller
class StandingOrderPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BuyerContext buyers;
    private final StandingOrders standingOrders;
    private final StandingReviews reviews;
    private final StandingOrderRunner runner;
    private final Carts carts;
    private final CustomersApi customers;

    StandingOrderPageController(BuyerContext buyers, StandingOrders standingOrders, StandingReviews reviews,
            StandingOrderRunner runner, Carts carts, CustomersApi customers) {
        this.buyers = buyers;
        this.standingOrders = standingOrders;
        this.reviews = reviews;
        this.runner = runner;
        this.carts = carts;
        this.customers = customers;
    }

    /** What the set-up form holds, to show it again after a refusal. */
    record SetupForm(Long cart, String order, String name, String frequency, Integer dayOfWeek, Integer dayOfMonth,
            String firstDate, String endsOn, String maxRise, Long addressId, String poNumber, String comment) {
    }

    @GetMapping("/standing-orders")
    String list(Model model) {
        model.addAttribute("standingOrders", standingOrders.list(buyers.require()));
        return "ordering/standing-orders";
    }

    @GetMapping("/standing-orders/new")
    String setup(@RequestParam(required = false) Long cart, @RequestParam(required = false) String order,
            Model model) {
        Buyer buyer = buyers.require();
        if ((cart == null) == (order == null)) {
            throw DomainException.invalid("bad-standing-order", "standing.refused.source");
        }
        String name = cart != null ? carts.get(buyer, cart).name() : order;
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SetupForm(cart, order, name, "WEEKLY", 1, 1, null, null, "5", null, null,
                    null));
        }
        return setupPage(buyer, model);
    }

    private String setupPage(Buyer buyer, Model model) {
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::getValue).toList());
        model.addAttribute("addresses", customers.deliveryAddresses(buyer.legalEntityId(), 200));
        return "ordering/standing-order-new";
    }

    @PostMapping("/standing-orders")
    String create(SetupForm form, Model model) {
        Buyer buyer = buyers.require();
        try {
            long id = standingOrders.create(buyer, new StandingOrders.Setup(form.name(), form.cart(),
                    form.order() == null || form.order().isBlank() ? null : form.order(),
                    StandingOrderForms.schedule(form.frequency(), form.dayOfWeek(), form.dayOfMonth()),
                    StandingOrderForms.date(form.firstDate()), StandingOrderForms.date(form.endsOn()),
                    StandingOrderForms.percent(form.maxRise()), form.addressId(), form.poNumber(), form.comment()));
            return "redirect:/standing-orders/" + id + "?created";
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            model.addAttribute("form", form);
            model.addAttribute("problem", e);
            return setupPage(buyer, model);
        }
    }

    @GetMapping("/standing-orders/{id}")
    String details(@PathVariable long id, Model model, Locale locale) {
        Details details = standingOrders.get(buyers.require(), id);
        model.addAttribute("so", details);
        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        for (Occurrence occurrence : details.occurrences()) {
            List<Reason> found = JSON.readValue(occurrence.reasons(), new TypeReference<List<Reason>>() {
            });
            reasons.put(occurrence.id(), found.stream().map(r -> runner.describe(r, locale)).toList());
        }
        model.addAttribute("reasons", reasons);
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::getValue).toList());
        return "ordering/standing-order";
    }

    @PostMapping("/standing-orders/{id}")
    String change(@PathVariable long id, @RequestParam(required = false) String frequency,
            @RequestParam(required = false) Integer dayOfWeek, @RequestParam(required = false) Integer dayOfMonth,
            @RequestParam(required = false) String nextDate, @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) String maxRise, RedirectAttributes redirect) {
        return act(id, redirect, buyer -> standingOrders.change(buyer, id, new StandingOrders.Change(
                StandingOrderForms.schedule(frequency, dayOfWeek, dayOfMonth), StandingOrderForms.date(nextDate),
                StandingOrderForms.date(endsOn), StandingOrderForms.percent(maxRise))));
    }

    @PostMapping("/standing-orders/{id}/pause")
    String pause(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, buyer -> standingOrders.pause(buyer, id));
    }

    @PostMapping("/standing-orders/{id}/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, buyer -> standingOrders.resume(buyer, id));
    }

    @PostMapping("/standing-orders/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, buyer -> standingOrders.cancel(buyer, id));
    }

    @PostMapping("/standing-orders/{id}/occurrences/{occurrenceId}/place")
    String place(@PathVariable long id, @PathVariable long occurrenceId, RedirectAttributes redirect) {
        return act(id, redirect, buyer -> {
            if (!reviews.place(buyer, id, occurrenceId)) {
                throw DomainException.invalid("occurrence-refused", "standing.review.refused");
            }
        });
    }

    @PostMapping("/standing-orders/{id}/occurrences/{occurrenceId}/skip")
    String skip(@PathVariable long id, @PathVariable long occurrenceId, RedirectAttributes redirect) {
        return act(id, redirect, buyer -> reviews.skip(buyer, id, occurrenceId));
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Consumer<Buyer> action) {
        Buyer buyer = buyers.require();
        try {
            action.accept(buyer);
            redirect.addFlashAttribute("done", true);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/standing-orders/" + id;
    }
}
