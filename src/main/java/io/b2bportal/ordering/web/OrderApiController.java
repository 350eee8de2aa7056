package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OrderFilter;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.OrderStatus;
import io.b2bportal.ordering.order.OrderSummary;
import io.b2bportal.ordering.order.OrderView;
import io.b2bportal.ordering.order.Orders;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.ordering.order.Reorder;
import io.b2bportal.ordering.order.Submissions;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders over the API, for the legal entity the caller acts for: check out carts (or lines) idempotently, list and
 * read orders, cancel before confirmation, reorder into a cart. Another legal entity's order is 404, never 403.
 */
@RestController
@Tag(name = "Orders", description = "Checkout, order history, cancel, reorder")
class OrderApiController {

    private final BuyerContext buyers;
    private final Submissions submissions;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Reorder reorder;
    private final MessageSource messages;

    OrderApiController(BuyerContext buyers, Submissions submissions, Orders orders, OrderLifecycle lifecycle,
            Reorder reorder, MessageSource messages) {
        this.buyers = buyers;
        this.submissions = submissions;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.reorder = reorder;
        this.messages = messages;
    }

    /** The placed orders of a checkout. */
    record PlacedBody(List<OrderView> orders, boolean replayed) {
    }

    record OrderPage(List<OrderSummary> orders, int page, int size, boolean hasNext) {
    }

    record CancelBody(String reason) {
    }

    record ReorderBody(List<Integer> lines, Long cartId) {
    }

    @PostMapping("/api/v1/orders")
    @Operation(summary = "Check out: carts merged into one order or one order per cart, or lines given directly; "
            + "prices are the server's. Idempotency-Key: the same key and body return the same orders (200), "
            + "the same key with another body is refused (422)")
    ResponseEntity<PlacedBody> place(@RequestBody CheckoutRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Buyer buyer = writer();
        Submissions.Placed placed = submissions.place(
                new Placer(buyer.userId(), buyer.legalEntityId(), buyer.companyId(), Channel.API), body, key);
        Orders.Scope scope = Orders.Scope.buyer(buyer.legalEntityId());
        List<OrderView> views = placed.orderIds().stream().map(id -> orders.get(scope, orders.numberOf(id))).toList();
        PlacedBody response = new PlacedBody(views, placed.replayed());
        if (placed.replayed()) {
            return ResponseEntity.ok(response);
        }
        return ResponseEntity.created(URI.create("/api/v1/orders/" + views.getFirst().number())).body(response);
    }

    @GetMapping("/api/v1/orders")
    @Operation(summary = "The acting legal entity's orders, newest first: q (number or PO, part of), status, "
            + "from/to (dates placed, Moscow time), page and size (up to 200)")
    OrderPage list(@RequestParam(required = false) String q, @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Buyer buyer = buyers.require();
        OrderFilter filter = new OrderFilter(q, status, from, to, null, false, page, size);
        List<OrderSummary> found = orders.list(Orders.Scope.buyer(buyer.legalEntityId()), filter, null);
        return new OrderPage(found.stream().limit(filter.size()).toList(), filter.page(), filter.size(),
                found.size() > filter.size());
    }

    @GetMapping("/api/v1/orders/{number}")
    @Operation(summary = "An order with its lines (prices as placed, reserved, backordered, shipped), shipments "
            + "and history")
    OrderView get(@PathVariable String number) {
        return orders.get(Orders.Scope.buyer(buyers.require().legalEntityId()), number);
    }

    @PostMapping("/api/v1/orders/{number}/cancel")
    @Operation(summary = "Cancel an order that the seller has not confirmed yet; its reservations are released")
    OrderView cancel(@PathVariable String number, @RequestBody(required = false) CancelBody body) {
        Buyer buyer = writer();
        Orders.Scope scope = Orders.Scope.buyer(buyer.legalEntityId());
        lifecycle.cancelByBuyer(orders.idOf(scope, number), buyer.userId(), body == null ? null : body.reason());
        return orders.get(scope, number);
    }

    @PostMapping("/api/v1/orders/{number}/reorder")
    @Operation(summary = "Put all (no lines given) or the chosen lines (line numbers) of an order into a cart "
            + "(cartId, else the current cart), at today's prices")
    Reorder.Result reorder(@PathVariable String number, @RequestBody(required = false) ReorderBody body) {
        Buyer buyer = writer();
        return reorder.reorder(buyer, number, body == null ? null : body.lines(), body == null ? null : body.cartId(),
                messages.getMessage("ordering.cart.default-name", null, LocaleContextHolder.getLocale()));
    }

    private Buyer writer() {
        Buyer buyer = buyers.require();
        if (buyer.viewAs()) {
            throw new DomainException(HttpStatus.FORBIDDEN.value(), "view-as", "ordering.cart.view-as");
        }
        return buyer;
    }
}
