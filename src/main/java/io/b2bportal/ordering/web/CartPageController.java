package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.CartHistory;
import io.b2bportal.ordering.cart.CartLines;
import io.b2bportal.ordering.cart.CartSummary;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's carts: the list (create, rename, duplicate, delete, make current), one cart with its lines (change a
 * quantity, backorder or take what is available, replace a discontinued product, remove, move or copy selected lines),
 * sharing, and the history. Line changes answer htmx with the cart body, plain posts with a redirect.
 */
@Controller
class CartPageController {

    private final BuyerContext buyers;
    private final Carts carts;
    private final CartLines lines;
    private final CartBody body;
    private final CartHistory history;
    private final MessageSource messages;

    CartPageController(BuyerContext buyers, Carts carts, CartLines lines, CartBody body, CartHistory history,
            MessageSource messages) {
        this.buyers = buyers;
        this.carts = carts;
        this.lines = lines;
        this.body = body;
        this.history = history;
        this.messages = messages;
    }

    /** The current cart (created on first use). */
    @GetMapping("/cart")
    String current() {
        Buyer buyer = buyers.require();
        return carts.current(buyer, defaultName()).map(cart -> "redirect:/carts/" + cart.id())
                .orElse("redirect:/carts");
    }

    @GetMapping("/carts")
    String list(Model model) {
        Buyer buyer = buyers.require();
        model.addAttribute("carts", carts.list(buyer));
        model.addAttribute("viewAs", buyer.viewAs());
        return "ordering/carts";
    }

    @PostMapping("/carts")
    String create(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        long id = carts.create(buyer, name);
        carts.select(buyer, id);
        redirect.addFlashAttribute("created", true);
        return "redirect:/carts/" + id;
    }

    @GetMapping("/carts/{id}")
    String cart(@PathVariable long id, Model model) {
        Buyer buyer = buyers.require();
        body.fill(buyer, id, model);
        model.addAttribute("shares", carts.get(buyer, id).mine() ? carts.shares(buyer, id) : List.of());
        return "ordering/cart";
    }

    @PostMapping("/carts/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        carts.rename(buyers.require(), id, name);
        redirect.addFlashAttribute("renamed", true);
        return "redirect:/carts/" + id;
    }

    @PostMapping("/carts/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        String name = carts.get(buyer, id).name();
        carts.delete(buyer, id);
        redirect.addFlashAttribute("deleted", name);
        return "redirect:/carts";
    }

    @PostMapping("/carts/{id}/duplicate")
    String duplicate(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        CartSummary source = carts.get(buyer, id);
        String copyName = name == null || name.isBlank() ? copyName(buyer, source.name()) : name;
        long copy = carts.duplicate(buyer, id, copyName);
        carts.select(buyer, copy);
        redirect.addFlashAttribute("duplicated", source.name());
        return "redirect:/carts/" + copy;
    }

    @PostMapping("/carts/{id}/select")
    String select(@PathVariable long id, @RequestParam(required = false) String back) {
        carts.select(buyers.require(), id);
        return "redirect:" + ("list".equals(back) ? "/carts" : "/carts/" + id);
    }

    @PostMapping("/carts/{id}/shares")
    String share(@PathVariable long id, @RequestParam(required = false) String email, RedirectAttributes redirect) {
        carts.share(buyers.require(), id, email);
        redirect.addFlashAttribute("shared", email);
        return "redirect:/carts/" + id;
    }

    @PostMapping("/carts/{id}/shares/{userId}/delete")
    String unshare(@PathVariable long id, @PathVariable long userId) {
        carts.unshare(buyers.require(), id, userId);
        return "redirect:/carts/" + id;
    }

    @GetMapping("/carts/{id}/history")
    String history(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Buyer buyer = buyers.require();
        var entries = history.page(buyer, id, page);
        model.addAttribute("cart", carts.get(buyer, id));
        model.addAttribute("entries", entries.stream().limit(CartHistory.PAGE_SIZE).toList());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", entries.size() > CartHistory.PAGE_SIZE);
        return "ordering/history";
    }

    // ------------------------------------------------------------------ lines

    @PostMapping("/carts/{id}/lines/{lineId}")
    String change(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String quantity,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        try {
            QuantityPolicy.Parsed parsed = QuantityPolicy.parse(quantity);
            if (!parsed.ok()) {
                throw parsed.refusal().refusal("quantity");
            }
            lines.change(buyer, id, lineId, parsed.quantity(), null);
        } catch (DomainException e) {
            return refused(buyer, id, lineId, e, htmx, model, redirect);
        }
        return answer(buyer, id, htmx, model);
    }

    /** Over stock: keep the quantity and backorder the rest, or take what is available now. */
    @PostMapping("/carts/{id}/lines/{lineId}/stock")
    String stock(@PathVariable long id, @PathVariable long lineId, @RequestParam String choice,
            @RequestParam(required = false) BigDecimal available,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        try {
            if ("backorder".equals(choice)) {
                lines.change(buyer, id, lineId, null, true);
            } else {
                lines.takeAvailable(buyer, id, lineId);
            }
        } catch (DomainException e) {
            return refused(buyer, id, lineId, e, htmx, model, redirect);
        }
        return answer(buyer, id, htmx, model);
    }

    /** A discontinued product's line becomes its successor's (same quantity, checked like a new line). */
    @PostMapping("/carts/{id}/lines/{lineId}/successor")
    String successor(@PathVariable long id, @PathVariable long lineId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        try {
            lines.replaceWithSuccessor(buyer, id, lineId);
        } catch (DomainException e) {
            return refused(buyer, id, lineId, e, htmx, model, redirect);
        }
        return answer(buyer, id, htmx, model);
    }

    @PostMapping("/carts/{id}/lines/{lineId}/remove")
    String remove(@PathVariable long id, @PathVariable long lineId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Buyer buyer = buyers.require();
        lines.remove(buyer, id, List.of(lineId), Source.CART);
        return answer(buyer, id, htmx, model);
    }

    /** Selected lines: remove them, or move or copy them into another cart. */
    @PostMapping("/carts/{id}/lines/selected")
    String selected(@PathVariable long id, @RequestParam(name = "line", required = false) List<Long> lineIds,
            @RequestParam String action, @RequestParam(required = false) Long target, RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        List<Long> chosen = lineIds == null ? List.of() : lineIds;
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", new Message("ordering.lines.none-selected", List.of()));
            return "redirect:/carts/" + id;
        }
        switch (action) {
            case "remove" -> lines.remove(buyer, id, chosen, Source.CART);
            case "move", "copy" -> {
                if (target == null) {
                    redirect.addFlashAttribute("error", new Message("ordering.lines.no-target", List.of()));
                    return "redirect:/carts/" + id;
                }
                String targetName = carts.get(buyer, target).name();
                int count = "move".equals(action) ? lines.move(buyer, id, chosen, target)
                        : lines.copy(buyer, id, chosen, target);
                redirect.addFlashAttribute("done", new Message("ordering.lines." + action + "d",
                        List.of(count, targetName)));
            }
            default -> throw DomainException.invalid("bad-action", "ordering.lines.bad-action");
        }
        return "redirect:/carts/" + id;
    }

    /** A message key with arguments, for flash messages. */
    record Message(String key, List<Object> args) implements java.io.Serializable {
        public Object[] arguments() {
            return args.toArray();
        }
    }

    private String refused(Buyer buyer, long id, long lineId, DomainException e, String htmx, Model model,
            RedirectAttributes redirect) {
        Message message = new Message(e.messageKey(), List.of(e.arguments()));
        if (htmx == null) {
            redirect.addFlashAttribute("error", message);
            redirect.addFlashAttribute("errorLine", lineId);
            return "redirect:/carts/" + id;
        }
        model.addAttribute("error", message);
        model.addAttribute("errorLine", lineId);
        return answer(buyer, id, htmx, model);
    }

    private String answer(Buyer buyer, long id, String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/carts/" + id;
        }
        body.fill(buyer, id, model);
        model.addAttribute("oob", true);
        return "ordering/cart :: cart-body";
    }

    private String defaultName() {
        return messages.getMessage("ordering.cart.default-name", null, LocaleContextHolder.getLocale());
    }

    private String copyName(Buyer buyer, String name) {
        List<String> taken = carts.list(buyer).stream().filter(CartSummary::mine).map(c -> c.name().toLowerCase())
                .toList();
        for (int n = 1; n < 1000; n++) {
            String candidate = messages.getMessage("ordering.cart.copy-name", new Object[] {name, n},
                    LocaleContextHolder.getLocale());
            candidate = candidate.length() > 100 ? candidate.substring(0, 100) : candidate;
            if (!taken.contains(candidate.toLowerCase())) {
                return candidate;
            }
        }
        return name;
    }
}
