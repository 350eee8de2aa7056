package io.b2bportal.ordering.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.ProductQuery;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.CartSummary;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.cart.Source;
import io.b2bportal.ordering.quickorder.InputLine;
import io.b2bportal.ordering.quickorder.PastedLines;
import io.b2bportal.ordering.quickorder.QuickOrders;
import io.b2bportal.ordering.quickorder.QuickOrders.Choice;
import io.b2bportal.ordering.quickorder.QuickOrders.Confirmation;
import io.b2bportal.ordering.quickorder.Review;
import io.b2bportal.ordering.quickorder.ReviewLine;
import io.b2bportal.ordering.quickorder.ReviewLine.Action;
import io.b2bportal.ordering.quickorder.UploadedTable;
import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The three ways in, one review: a catalog row's quantity box and the cart's quick-entry row (one line, answered in
 * place with htmx: added at once when nothing needs deciding, else the review of that line with its choices), pasted
 * lines and an uploaded file (the review page: every line with its status and choices, nothing added until the buyer
 * confirms).
 */
@Controller
class QuickOrderPageController {

    /** The review page shows every line that needs a look, and at most this many plain OK lines. */
    static final int OK_LINES_SHOWN = 500;

    private final BuyerContext buyers;
    private final Carts carts;
    private final QuickOrders quickOrders;
    private final CatalogApi catalog;
    private final CartBody cartBody;
    private final MessageSource messages;

    QuickOrderPageController(BuyerContext buyers, Carts carts, QuickOrders quickOrders, CatalogApi catalog,
            CartBody cartBody, MessageSource messages) {
        this.buyers = buyers;
        this.carts = carts;
        this.quickOrders = quickOrders;
        this.catalog = catalog;
        this.cartBody = cartBody;
        this.messages = messages;
    }

    @GetMapping("/carts/{id}/quick-order")
    String form(@PathVariable long id, Model model) {
        Buyer buyer = buyers.require();
        model.addAttribute("cart", carts.get(buyer, id));
        model.addAttribute("maxLines", PastedLines.MAX_LINES);
        return "ordering/quick-order";
    }

    @PostMapping("/carts/{id}/quick-order/paste")
    String paste(@PathVariable long id, @RequestParam(required = false) String text, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        try {
            Review review = quickOrders.start(buyer, id, Source.PASTE, PastedLines.parse(text));
            return "redirect:/carts/" + id + "/quick-order/" + review.id();
        } catch (DomainException e) {
            model.addAttribute("pasteError", e);
            model.addAttribute("text", text);
            return form(id, model);
        }
    }

    @PostMapping("/carts/{id}/quick-order/file")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String skuColumn, @RequestParam(required = false) String quantityColumn,
            Model model) {
        Buyer buyer = buyers.require();
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("quick-order-empty", "ordering.quick.file.missing");
            }
            List<InputLine> lines = UploadedTable.read(file.getOriginalFilename(), file.getBytes(), skuColumn,
                    quantityColumn);
            Review review = quickOrders.start(buyer, id, Source.FILE, lines);
            return "redirect:/carts/" + id + "/quick-order/" + review.id();
        } catch (DomainException e) {
            model.addAttribute("fileError", e);
            model.addAttribute("skuColumn", skuColumn);
            model.addAttribute("quantityColumn", quantityColumn);
            return form(id, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/carts/{id}/quick-order/{reviewId}")
    String review(@PathVariable long id, @PathVariable UUID reviewId, @RequestParam(required = false) String show,
            Model model) {
        Buyer buyer = buyers.require();
        Review review = quickOrders.get(buyer, reviewId);
        if (review.cartId() != id) {
            throw DomainException.notFound("review", reviewId);
        }
        boolean all = "all".equals(show);
        List<ReviewLine> problems = review.lines().stream().filter(ReviewLine::problem).toList();
        List<ReviewLine> ok = review.lines().stream().filter(l -> !l.problem()).toList();
        model.addAttribute("review", review);
        model.addAttribute("problems", problems);
        model.addAttribute("okLines", all ? ok : ok.stream().limit(OK_LINES_SHOWN).toList());
        model.addAttribute("okHidden", all ? 0 : Math.max(0, ok.size() - OK_LINES_SHOWN));
        model.addAttribute("counts", review.counts());
        model.addAttribute("carts", carts.list(buyer).stream().toList());
        model.addAttribute("expired", review.expired(java.time.Instant.now()));
        return "ordering/review";
    }

    /** The buyer picked another SKU for a line (a suggestion, the successor): the line is resolved again. */
    @PostMapping("/carts/{id}/quick-order/{reviewId}/lines/{lineNo}")
    String pick(@PathVariable long id, @PathVariable UUID reviewId, @PathVariable int lineNo,
            @RequestParam(required = false) String sku,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        try {
            ReviewLine line = quickOrders.replace(buyer, reviewId, lineNo, sku);
            if (htmx != null) {
                model.addAttribute("review", quickOrders.get(buyer, reviewId));
                model.addAttribute("l", line);
                return "ordering/review :: row";
            }
        } catch (DomainException e) {
            if (htmx != null) {
                throw e;
            }
            redirect.addFlashAttribute("error", new CartPageController.Message(e.messageKey(),
                    List.of(e.arguments())));
        }
        return "redirect:/carts/" + id + "/quick-order/" + reviewId;
    }

    @PostMapping("/carts/{id}/quick-order/{reviewId}/confirm")
    String confirm(@PathVariable long id, @PathVariable UUID reviewId,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        Long target = form.getFirst("cartId") == null || form.getFirst("cartId").isBlank() ? null
                : Long.valueOf(form.getFirst("cartId"));
        try {
            Confirmation done = quickOrders.confirm(buyer, reviewId, choices(form), target);
            carts.select(buyer, done.cartId());
            redirect.addFlashAttribute("done", new CartPageController.Message("ordering.review.added",
                    List.of(done.added(), done.cartName(), done.skipped())));
            return "redirect:/carts/" + done.cartId();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", new CartPageController.Message(e.messageKey(),
                    List.of(e.arguments())));
            return "redirect:/carts/" + id + "/quick-order/" + reviewId;
        }
    }

    /**
     * The choices of the review form: {@code action.<line>} (the last value counts: a hidden SKIP before an ADD
     * check box means "unchecked"), {@code sku.<line>} for another SKU.
     */
    static List<Choice> choices(MultiValueMap<String, String> form) {
        List<Choice> choices = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (field.getKey().startsWith("action.") && !field.getValue().isEmpty()) {
                int line = lineNo(field.getKey());
                String sku = form.getFirst("sku." + line);
                choices.add(new Choice(line, action(field.getValue().getLast()), sku == null || sku.isBlank()
                        ? null : sku));
            }
        }
        return choices;
    }

    private static int lineNo(String field) {
        try {
            return Integer.parseInt(field.substring(field.indexOf('.') + 1));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("review-choice", "ordering.review.choice-refused", field);
        }
    }

    private static Action action(String value) {
        try {
            return Action.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("review-choice", "ordering.review.choice-refused", value);
        }
    }

    // ------------------------------------------------------------------ one line: catalog row, quick entry

    /**
     * One line from a catalog row ({@code context=catalog}, into the current cart) or the cart's quick-entry row
     * ({@code context=cart}, into that cart): reviewed like any other input, added at once when the line is plainly
     * OK, else answered with the line's review to decide in place.
     */
    @PostMapping("/cart/add")
    String add(@RequestParam(required = false) String sku, @RequestParam(required = false) String quantity,
            @RequestParam(defaultValue = "catalog") String context, @RequestParam(required = false) Long cartId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        boolean inCart = "cart".equals(context);
        long target = inCart && cartId != null ? cartId : currentCart(buyer).id();
        model.addAttribute("context", inCart ? "cart" : "catalog");
        model.addAttribute("rowSku", sku);
        try {
            Review review = quickOrders.start(buyer, target, inCart ? Source.QUICK_ENTRY : Source.CATALOG,
                    List.of(new InputLine(1, sku, quantity)));
            ReviewLine line = review.lines().getFirst();
            if (line.status() == ReviewLine.Status.OK) {
                Confirmation done = quickOrders.confirm(buyer, review.id(), List.of(), null);
                model.addAttribute("added", done);
                model.addAttribute("addedLine", line);
            } else {
                model.addAttribute("review", review);
                model.addAttribute("line", line);
            }
        } catch (DomainException e) {
            model.addAttribute("addError", e);
        }
        return oneLineAnswer(buyer, target, inCart, htmx, model, redirect);
    }

    /** The buyer decided on a one-line review in place (catalog row, quick entry). */
    @PostMapping("/cart/reviews/{reviewId}/confirm")
    String confirmOne(@PathVariable UUID reviewId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String sku, @RequestParam(defaultValue = "catalog") String context,
            @RequestParam(required = false) String rowSku,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Buyer buyer = buyers.require();
        boolean inCart = "cart".equals(context);
        Review review = quickOrders.get(buyer, reviewId);
        model.addAttribute("context", inCart ? "cart" : "catalog");
        model.addAttribute("rowSku", rowSku);
        try {
            if (sku != null && !sku.isBlank() && action == null) {
                // a picked suggestion or successor: review the line again, it may need another decision
                ReviewLine line = quickOrders.replace(buyer, reviewId, 1, sku);
                if (line.status() == ReviewLine.Status.OK) {
                    confirmed(buyer, reviewId, List.of(), model);
                } else {
                    model.addAttribute("review", quickOrders.get(buyer, reviewId));
                    model.addAttribute("line", line);
                }
            } else if (action != null && Action.valueOf(action) == Action.SKIP) {
                model.addAttribute("skipped", true);
            } else {
                confirmed(buyer, reviewId, List.of(new Choice(1, action == null ? null : Action.valueOf(action),
                        null)), model);
            }
        } catch (DomainException e) {
            model.addAttribute("addError", e);
        } catch (IllegalArgumentException e) {
            model.addAttribute("addError", DomainException.invalid("review-choice", "ordering.review.choice-refused",
                    action));
        }
        return oneLineAnswer(buyer, review.cartId(), inCart, htmx, model, redirect);
    }

    private void confirmed(Buyer buyer, UUID reviewId, List<Choice> choices, Model model) {
        ReviewLine line = quickOrders.get(buyer, reviewId).lines().getFirst();
        Confirmation done = quickOrders.confirm(buyer, reviewId, choices, null);
        model.addAttribute("added", done);
        model.addAttribute("addedLine", choices.isEmpty() || choices.getFirst().action() == null ? line
                : line.with(choices.getFirst().action()));
    }

    private String oneLineAnswer(Buyer buyer, long cartId, boolean inCart, String htmx, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("cartBadge", CartBadgeAdvice.badge(carts, buyer));
        if (htmx == null) {
            // without JavaScript: back to the cart, where the review (if any) is a page of its own
            if (model.getAttribute("review") instanceof Review review) {
                return "redirect:/carts/" + review.cartId() + "/quick-order/" + review.id();
            }
            if (model.getAttribute("addError") instanceof DomainException e) {
                redirect.addFlashAttribute("error", new CartPageController.Message(e.messageKey(),
                        List.of(e.arguments())));
            }
            return "redirect:/carts/" + cartId;
        }
        model.addAttribute("oob", true);
        if (inCart) {
            cartBody.fill(buyer, cartId, model);
            return "ordering/cart :: cart-body";
        }
        return "ordering/fragments :: add-result";
    }

    /** SKU suggestions for the quick-entry row, as options of a datalist (the catalog search, first 10). */
    @GetMapping("/cart/skus")
    String skus(@RequestParam(name = "sku", required = false) String q, Model model) {
        buyers.require();
        model.addAttribute("options", q == null || q.isBlank() || q.strip().length() < 2 ? List.of()
                : catalog.search(ProductQuery.text(q)).rows().stream().limit(10).toList());
        return "ordering/fragments :: sku-options";
    }

    private CartSummary currentCart(Buyer buyer) {
        return carts.current(buyer, messages.getMessage("ordering.cart.default-name", null,
                LocaleContextHolder.getLocale())).orElseThrow(() -> DomainException.notFound("cart", "current"));
    }
}
