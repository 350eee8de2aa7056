package io.b2bportal.ordering.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OrderFilter;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.OrderStatus;
import io.b2bportal.ordering.order.OrderSummary;
import io.b2bportal.ordering.order.Orders;
import io.b2bportal.ordering.order.StaffOrders;
import io.b2bportal.ordering.order.Submissions;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The seller's order queue ({@code /admin/orders}: filters by status, company, dates, my clients), one order with its
 * actions (confirm, start fulfilment, ship quantities per line, deliver, complete, cancel with a reason), and an
 * order placed on a customer's behalf from pasted "SKU quantity" lines.
 */
@Controller
class AdminOrderPageController {

    private static final Pattern LINE = Pattern.compile("^\\s*([^\\s;,]+)[\\s;,]+(.+?)\\s*$");

    private final StaffOrders staff;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final CustomersApi customers;

    AdminOrderPageController(StaffOrders staff, Orders orders, OrderLifecycle lifecycle, CustomersApi customers) {
        this.staff = staff;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.customers = customers;
    }

    @GetMapping("/admin/orders")
    String queue(@RequestParam(required = false) String q, @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String company, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page, Model model) {
        PortalUser user = user();
        OrderFilter filter = new OrderFilter(q, status, from, to, company, mine, page, 50);
        List<OrderSummary> found = orders.list(staff.scope(user), filter, user.id());
        model.addAttribute("filter", filter);
        model.addAttribute("orders", found.stream().limit(filter.size()).toList());
        model.addAttribute("hasNext", found.size() > filter.size());
        model.addAttribute("statuses", OrderStatus.values());
        return "ordering/admin-orders";
    }

    @GetMapping("/admin/orders/{number}")
    String order(@PathVariable String number, Model model) {
        PortalUser user = user();
        model.addAttribute("order", orders.get(staff.scope(user), number));
        model.addAttribute("mayAct", staff.mayAct(user));
        return "ordering/admin-order";
    }

    @PostMapping("/admin/orders/{number}/{action:confirm|start-fulfilment|deliver|complete}")
    String move(@PathVariable String number, @PathVariable String action, RedirectAttributes redirect) {
        PortalUser user = user();
        long id = staff.requireActor(user, number);
        switch (action) {
            case "confirm" -> lifecycle.confirm(id, user.id());
            case "start-fulfilment" -> lifecycle.startFulfilment(id, user.id());
            case "deliver" -> lifecycle.deliver(id, user.id());
            default -> lifecycle.complete(id, user.id());
        }
        redirect.addFlashAttribute("done", "orders.admin.done." + action);
        return "redirect:/admin/orders/" + number;
    }

    @PostMapping("/admin/orders/{number}/ship")
    String ship(@PathVariable String number, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        PortalUser user = user();
        long id = staff.requireActor(user, number);
        Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("ship-") && value != null && !value.isBlank()) {
                QuantityPolicy.Parsed parsed = QuantityPolicy.parse(value);
                if (!parsed.ok()) {
                    throw parsed.refusal().refusal("bad-quantity");
                }
                quantities.put(Integer.parseInt(name.substring(5)), parsed.quantity());
            }
        });
        int shipment = lifecycle.ship(id, user.id(), quantities);
        redirect.addFlashAttribute("shipped", shipment);
        return "redirect:/admin/orders/" + number;
    }

    @PostMapping("/admin/orders/{number}/cancel")
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        PortalUser user = user();
        lifecycle.cancelByStaff(staff.requireActor(user, number), user.id(), reason);
        redirect.addFlashAttribute("done", "orders.admin.done.cancel");
        return "redirect:/admin/orders/" + number;
    }

    // ------------------------------------------------------------------ on behalf

    @GetMapping("/admin/orders/new")
    String onBehalf(@RequestParam(required = false) String company, @RequestParam(required = false) Long entity,
            Model model) {
        PortalUser user = user();
        fillOnBehalf(user, company, entity, null, null, null, null, null, UUID.randomUUID().toString(), model);
        return "ordering/admin-order-new";
    }

    @PostMapping("/admin/orders/new")
    String placeOnBehalf(@RequestParam Long entity, @RequestParam(required = false) String lines,
            @RequestParam(required = false) Long addressId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate desiredDate,
            @RequestParam(required = false) String poNumber, @RequestParam(required = false) String comment,
            @RequestParam(required = false) String token, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        PortalUser user = user();
        String key = token == null || token.isBlank() ? UUID.randomUUID().toString() : token;
        try {
            Submissions.Placed placed = staff.placeOnBehalf(user, entity, new CheckoutRequest(List.of(),
                    parse(lines), false, false, addressId, List.of(), desiredDate, poNumber, comment), "form:" + key,
                    request.getRemoteAddr());
            String number = orders.numberOf(placed.orderIds().getFirst());
            redirect.addFlashAttribute("placed", List.of(number));
            return "redirect:/admin/orders/" + number;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            model.addAttribute("error", new CartPageController.Message(e.messageKey(), List.of(e.arguments())));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fillOnBehalf(user, null, entity, lines, addressId, desiredDate, poNumber, comment, key, model);
            return "ordering/admin-order-new";
        }
    }

    /** "SKU quantity" per line (a tab, space, ";" or "," between them; a decimal comma is fine). */
    static List<CheckoutRequest.RequestedLine> parse(String text) {
        List<CheckoutRequest.RequestedLine> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String raw : text.split("\\R")) {
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                throw DomainException.invalid("bad-line", "orders.on-behalf.bad-line", raw.strip());
            }
            QuantityPolicy.Parsed parsed = QuantityPolicy.parse(m.group(2));
            if (!parsed.ok()) {
                throw DomainException.invalid("bad-quantity", "orders.refused.line", m.group(1),
                        new org.springframework.context.support.DefaultMessageSourceResolvable(
                                new String[] {parsed.refusal().key()}, parsed.refusal().arguments()));
            }
            lines.add(new CheckoutRequest.RequestedLine(m.group(1), parsed.quantity()));
        }
        return lines;
    }

    private void fillOnBehalf(PortalUser user, String company, Long entity, String lines, Long addressId,
            LocalDate desiredDate, String poNumber, String comment, String token, Model model) {
        model.addAttribute("company", company);
        model.addAttribute("entities", staff.entitiesForOnBehalf(user, company));
        LegalEntityRef chosen = entity == null ? null : customers.legalEntity(entity)
                .filter(e -> customers.staffManages(user, e.companyId())).orElse(null);
        model.addAttribute("entity", chosen);
        if (chosen != null) {
            model.addAttribute("addresses", customers.deliveryAddresses(chosen.id(), 500));
            model.addAttribute("terms", customers.termsOf(chosen.id()));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("addressId", addressId);
        model.addAttribute("desiredDate", desiredDate);
        model.addAttribute("poNumber", poNumber);
        model.addAttribute("comment", comment);
        model.addAttribute("token", token);
    }

    private static PortalUser user() {
        return PortalUser.current().filter(PortalUser::isStaff)
                .orElseThrow(() -> DomainException.notFound("order", "staff"));
    }
}
