package io.b2bportal.ordering.web;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.CartSummary;
import io.b2bportal.ordering.cart.CartView;
import io.b2bportal.ordering.cart.CartViews;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OnBehalfAudit;
import io.b2bportal.ordering.order.OrderFilter;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.OrderStatus;
import io.b2bportal.ordering.order.OrderSummary;
import io.b2bportal.ordering.order.Orders;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.ordering.order.Reorder;
import io.b2bportal.ordering.order.Submissions;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's checkout and orders: the checkout page (carts to order, one order or one per cart, address, date, PO,
 * comment, the contract's payment terms; a one-time token so a double click places one order), the order history
 * with filters, one order with lines, shipments and history, cancel before confirmation, reorder into a cart.
 */
@Controller
class OrderPageController {

    private final BuyerContext buyers;
    private final Carts carts;
    private final CartViews views;
    private final CustomersApi customers;
    private final Submissions submissions;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Reorder reorder;
    private final MessageSource messages;
    private final OnBehalfAudit onBehalfAudit;

    OrderPageController(BuyerContext buyers, Carts carts, CartViews views, CustomersApi customers,
            Submissions submissions, Orders orders, OrderLifecycle lifecycle, Reorder reorder,
            MessageSource messages, OnBehalfAudit onBehalfAudit) {
        this.onBehalfAudit = onBehalfAudit;
        this.buyers = buyers;
        this.carts = carts;
        this.views = views;
        this.customers = customers;
        this.submissions = submissions;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.reorder = reorder;
        this.messages = messages;
    }

    /** What the checkout form holds, to show it again after a refusal. */
    record CheckoutForm(List<Long> cart, String merge, boolean deleteCarts, Long addressId, LocalDate desiredDate,
            String poNumber, String comment, String token, List<SplitRow> split) {

        public boolean merged() {
            return !"separate".equals(merge);
        }
    }

    /** A row of the split-delivery table as typed. */
    record SplitRow(String sku, Long addressId, String quantity) {
    }

    @GetMapping("/checkout")
    String checkout(@RequestParam(name = "cart", required = false) List<Long> cartIds, Model model) {
        Buyer buyer = buyers.require();
        List<Long> chosen = cartIds == null || cartIds.isEmpty()
                ? carts.currentIfAny(buyer).map(c -> List.of(c.id())).orElse(List.of()) : cartIds;
        fill(buyer, new CheckoutForm(chosen, "one", false, null, null, null, null, UUID.randomUUID().toString(),
                List.of()), model);
        return "ordering/checkout";
    }

    @PostMapping("/checkout")
    String place(@RequestParam(name = "cart", required = false) List<Long> cartIds,
            @RequestParam(defaultValue = "one") String merge,
            @RequestParam(defaultValue = "false") boolean deleteCarts,
            @RequestParam(required = false) Long addressId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate desiredDate,
            @RequestParam(required = false) String poNumber, @RequestParam(required = false) String comment,
            @RequestParam(required = false) String token,
            @RequestParam(name = "splitSku", required = false) List<String> splitSkus,
            @RequestParam(name = "splitAddress", required = false) List<Long> splitAddresses,
            @RequestParam(name = "splitQuantity", required = false) List<String> splitQuantities,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        Buyer buyer = writer();
        CheckoutForm form = new CheckoutForm(cartIds == null ? List.of() : cartIds, merge, deleteCarts, addressId,
                desiredDate, poNumber, comment, token == null || token.isBlank() ? UUID.randomUUID().toString() : token,
                rows(splitSkus, splitAddresses, splitQuantities));
        try {
            if (form.cart().isEmpty()) {
                throw DomainException.invalid("nothing-to-order", "orders.refused.nothing");
            }
            Submissions.Placed placed = submissions.place(
                    new Placer(buyer.userId(), buyer.legalEntityId(), buyer.companyId(),
                            buyer.onBehalf() ? Channel.ON_BEHALF : Channel.PORTAL),
                    new CheckoutRequest(form.cart(), List.of(), form.merged(), deleteCarts, addressId,
                            split(form.split()), desiredDate, poNumber, comment), "form:" + form.token());
            if (buyer.onBehalf() && !placed.replayed()) {
                onBehalfAudit.placed(buyer, placed.orderIds(), request.getRemoteAddr());
            }
            List<String> numbers = placed.orderIds().stream().map(orders::numberOf).toList();
            redirect.addFlashAttribute("placed", numbers);
            return numbers.size() == 1 ? "redirect:/orders/" + numbers.getFirst() : "redirect:/orders";
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            model.addAttribute("error", new CartPageController.Message(e.messageKey(), List.of(e.arguments())));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            // a refusal changed nothing; the same token may be sent again once the buyer fixed the cause
            fill(buyer, form, model);
            return "ordering/checkout";
        }
    }

    private static List<SplitRow> rows(List<String> skus, List<Long> addresses, List<String> quantities) {
        List<SplitRow> rows = new java.util.ArrayList<>();
        for (int i = 0; skus != null && i < skus.size(); i++) {
            String sku = skus.get(i);
            String quantity = quantities != null && i < quantities.size() ? quantities.get(i) : null;
            Long address = addresses != null && i < addresses.size() ? addresses.get(i) : null;
            if (sku != null && !sku.isBlank() && quantity != null && !quantity.isBlank()) {
                rows.add(new SplitRow(sku, address, quantity));
            }
        }
        return rows;
    }

    private static List<CheckoutRequest.SplitLine> split(List<SplitRow> rows) {
        return rows.stream().map(row -> {
            io.b2bportal.ordering.cart.QuantityPolicy.Parsed parsed =
                    io.b2bportal.ordering.cart.QuantityPolicy.parse(row.quantity());
            if (!parsed.ok()) {
                throw DomainException.invalid("bad-quantity", "orders.refused.line", row.sku(),
                        new org.springframework.context.support.DefaultMessageSourceResolvable(
                                new String[] {parsed.refusal().key()}, parsed.refusal().arguments()));
            }
            return new CheckoutRequest.SplitLine(row.sku(), row.addressId(), parsed.quantity());
        }).toList();
    }

    private void fill(Buyer buyer, CheckoutForm form, Model model) {
        List<CartSummary> all = carts.list(buyer);
        List<CartView> chosen = form.cart().stream().distinct()
                .map(id -> views.view(buyer, id)).toList();
        ContractTerms terms = customers.termsOf(buyer.legalEntityId());
        Money gross = chosen.stream().filter(v -> v.totals().priced()).map(v -> v.totals().gross())
                .reduce(Money::plus).orElse(Money.zero(terms.minOrderAmount().currency()));
        model.addAttribute("form", form);
        model.addAttribute("allCarts", all);
        model.addAttribute("chosen", chosen);
        model.addAttribute("terms", terms);
        model.addAttribute("gross", gross);
        model.addAttribute("addresses", customers.deliveryAddresses(buyer.legalEntityId(), 500));
        model.addAttribute("entity", customers.legalEntity(buyer.legalEntityId()).orElse(null));
        model.addAttribute("viewAs", buyer.viewAs());
        model.addAttribute("today", LocalDate.now(io.b2bportal.ordering.order.Checkout.ZONE));
        model.addAttribute("skus", chosen.stream().flatMap(v -> v.lines().stream()).map(CartView.LineView::sku)
                .distinct().toList());
        List<SplitRow> rows = new java.util.ArrayList<>(form.split());
        while (rows.size() < 3) {
            rows.add(new SplitRow(null, null, null));
        }
        model.addAttribute("splitRows", rows);
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Buyer buyer = buyers.require();
        OrderFilter filter = new OrderFilter(q, status, from, to, null, false, page, 50);
        List<OrderSummary> found = orders.list(Orders.Scope.buyer(buyer.legalEntityId()), filter, null);
        model.addAttribute("filter", filter);
        model.addAttribute("orders", found.stream().limit(filter.size()).toList());
        model.addAttribute("hasNext", found.size() > filter.size());
        model.addAttribute("statuses", OrderStatus.values());
        return "ordering/orders";
    }

    @GetMapping("/orders/{number}")
    String order(@PathVariable String number, Model model) {
        Buyer buyer = buyers.require();
        model.addAttribute("order", orders.get(Orders.Scope.buyer(buyer.legalEntityId()), number));
        model.addAttribute("carts", buyer.viewAs() ? List.of() : carts.list(buyer));
        model.addAttribute("viewAs", buyer.viewAs());
        return "ordering/order";
    }

    @PostMapping("/orders/{number}/cancel")
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        Buyer buyer = writer();
        Orders.Scope scope = Orders.Scope.buyer(buyer.legalEntityId());
        long id = orders.idOf(scope, number);
        lifecycle.cancelByBuyer(id, buyer.userId(), reason);
        if (buyer.onBehalf()) {
            onBehalfAudit.orderChanged(buyer, id, "ordering.order.on-behalf-cancel", request.getRemoteAddr());
        }
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/orders/" + number;
    }

    @PostMapping("/orders/{number}/reorder")
    String reorder(@PathVariable String number, @RequestParam(name = "line", required = false) List<Integer> lines,
            @RequestParam(required = false) Long cartId, @RequestParam(defaultValue = "all") String which,
            RedirectAttributes redirect) {
        Buyer buyer = writer();
        Reorder.Result result = reorder.reorder(buyer, number, "chosen".equals(which) ? nonEmpty(lines) : null, cartId,
                messages.getMessage("ordering.cart.default-name", null, LocaleContextHolder.getLocale()));
        redirect.addFlashAttribute("done", new CartPageController.Message("orders.reorder.done",
                List.of(result.added(), result.cartName())));
        return "redirect:/carts/" + result.cartId();
    }

    private static List<Integer> nonEmpty(List<Integer> lines) {
        if (lines == null || lines.isEmpty()) {
            throw DomainException.invalid("nothing-chosen", "orders.reorder.nothing");
        }
        return lines;
    }

    private Buyer writer() {
        Buyer buyer = buyers.require();
        if (buyer.viewAs()) {
            throw new DomainException(403, "view-as", "ordering.cart.view-as");
        }
        return buyer;
    }
}
