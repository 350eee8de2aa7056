package io.b2bportal.ordering.web;

import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OrderFilter;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.OrderStatus;
import io.b2bportal.ordering.order.OrderSummary;
import io.b2bportal.ordering.order.OrderView;
import io.b2bportal.ordering.order.Orders;
import io.b2bportal.ordering.order.StaffOrders;
import io.b2bportal.ordering.order.Submissions;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seller's order queue and actions over the API: the same rules as {@code /admin/orders}. */
@RestController
@Tag(name = "Orders (staff)", description = "Order queue, confirm, fulfil, ship (partially), deliver, complete, "
        + "cancel, order on behalf")
class AdminOrderApiController {

    private final StaffOrders staff;
    private final Orders orders;
    private final OrderLifecycle lifecycle;

    AdminOrderApiController(StaffOrders staff, Orders orders, OrderLifecycle lifecycle) {
        this.staff = staff;
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    record ShipBody(Map<Integer, BigDecimal> lines) {
    }

    record ReasonBody(String reason) {
    }

    /** An order placed on behalf of a legal entity: the checkout request with lines, and the entity. */
    record OnBehalfBody(Long legalEntityId, List<CheckoutRequest.RequestedLine> lines, Long addressId,
            List<CheckoutRequest.SplitLine> split, LocalDate desiredDate, String poNumber, String comment) {
    }

    @GetMapping("/api/v1/admin/orders")
    @Operation(summary = "Orders of the customers the caller may see, newest first: q (number or PO), status, "
            + "from/to, company (name, part of), mine (my clients only), page, size")
    OrderApiController.OrderPage list(@RequestParam(required = false) String q,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String company, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PortalUser user = user();
        OrderFilter filter = new OrderFilter(q, status, from, to, company, mine, page, size);
        List<OrderSummary> found = orders.list(staff.scope(user), filter, user.id());
        return new OrderApiController.OrderPage(found.stream().limit(filter.size()).toList(), filter.page(),
                filter.size(), found.size() > filter.size());
    }

    @GetMapping("/api/v1/admin/orders/{number}")
    @Operation(summary = "An order with lines, shipments and history")
    OrderView get(@PathVariable String number) {
        return orders.get(staff.scope(user()), number);
    }

    @PostMapping("/api/v1/admin/orders/{number}/confirm")
    @Operation(summary = "Confirm a placed order")
    OrderView confirm(@PathVariable String number) {
        PortalUser user = user();
        lifecycle.confirm(staff.requireActor(user, number), user.id());
        return get(number);
    }

    @PostMapping("/api/v1/admin/orders/{number}/start-fulfilment")
    @Operation(summary = "Start picking a confirmed order")
    OrderView startFulfilment(@PathVariable String number) {
        PortalUser user = user();
        lifecycle.startFulfilment(staff.requireActor(user, number), user.id());
        return get(number);
    }

    @PostMapping("/api/v1/admin/orders/{number}/ship")
    @Operation(summary = "Ship quantities per line number ({\"lines\": {\"1\": 20}}); the rest ships later")
    OrderView ship(@PathVariable String number, @RequestBody ShipBody body) {
        PortalUser user = user();
        lifecycle.ship(staff.requireActor(user, number), user.id(), body == null || body.lines() == null ? Map.of()
                : body.lines());
        return get(number);
    }

    @PostMapping("/api/v1/admin/orders/{number}/deliver")
    @Operation(summary = "Mark a shipped order delivered")
    OrderView deliver(@PathVariable String number) {
        PortalUser user = user();
        lifecycle.deliver(staff.requireActor(user, number), user.id());
        return get(number);
    }

    @PostMapping("/api/v1/admin/orders/{number}/complete")
    @Operation(summary = "Complete a delivered order")
    OrderView complete(@PathVariable String number) {
        PortalUser user = user();
        lifecycle.complete(staff.requireActor(user, number), user.id());
        return get(number);
    }

    @PostMapping("/api/v1/admin/orders/{number}/cancel")
    @Operation(summary = "Cancel an order that has not shipped completely, with a reason; reservations are released")
    OrderView cancel(@PathVariable String number, @RequestBody(required = false) ReasonBody body) {
        PortalUser user = user();
        lifecycle.cancelByStaff(staff.requireActor(user, number), user.id(), body == null ? null : body.reason());
        return get(number);
    }

    @PostMapping("/api/v1/admin/orders")
    @Operation(summary = "Place an order on behalf of a customer's legal entity (channel ON_BEHALF, audited)")
    ResponseEntity<OrderApiController.PlacedBody> onBehalf(@RequestBody OnBehalfBody body,
            @RequestHeader(value = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
        PortalUser user = user();
        if (body == null || body.legalEntityId() == null) {
            throw DomainException.invalid("legal-entity-required", "orders.on-behalf.entity-required");
        }
        Submissions.Placed placed = staff.placeOnBehalf(user, body.legalEntityId(), new CheckoutRequest(List.of(),
                body.lines(), false, false, body.addressId(), body.split(), body.desiredDate(), body.poNumber(),
                body.comment()), key, request.getRemoteAddr());
        Orders.Scope scope = staff.scope(user);
        List<OrderView> views = placed.orderIds().stream().map(id -> orders.get(scope, orders.numberOf(id))).toList();
        OrderApiController.PlacedBody response = new OrderApiController.PlacedBody(views, placed.replayed());
        return placed.replayed() ? ResponseEntity.ok(response)
                : ResponseEntity.created(URI.create("/api/v1/admin/orders/" + views.getFirst().number())).body(response);
    }

    private static PortalUser user() {
        return PortalUser.current().filter(PortalUser::isStaff)
                .orElseThrow(() -> DomainException.notFound("order", "staff"));
    }
}
