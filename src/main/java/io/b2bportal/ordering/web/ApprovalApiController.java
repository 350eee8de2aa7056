package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.order.Approvals;
import io.b2bportal.ordering.order.OrderView;
import io.b2bportal.ordering.order.Orders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/approvals}: the customer's approvers and the orders that wait for them. */
@RestController
@Tag(name = "Approvals", description = "Orders above a buyer's limits wait for an approver of the customer")
class ApprovalApiController {

    private final ApprovalAccess access;
    private final BuyerContext buyers;
    private final Approvals approvals;
    private final Orders orders;

    ApprovalApiController(ApprovalAccess access, BuyerContext buyers, Approvals approvals, Orders orders) {
        this.access = access;
        this.buyers = buyers;
        this.approvals = approvals;
        this.orders = orders;
    }

    record Comment(String comment) {
    }

    /** New quantities by line number (0 removes the line); only lower than now. */
    record LineChange(Integer lineNo, BigDecimal quantity) {
    }

    record Change(List<LineChange> lines) {
    }

    @GetMapping("/api/v1/approvals")
    @Operation(summary = "Orders of the acting legal entity waiting for approval (approvers and company administrators)")
    List<Approvals.Pending> pending() {
        return approvals.pending(access.approver().legalEntityId());
    }

    @PostMapping("/api/v1/approvals/{number}/approve")
    @Operation(summary = "Approve: the order is placed. Nobody approves their own order")
    OrderView approve(@PathVariable String number, @RequestBody(required = false) Comment body) {
        return asApprover(number, (order, approver) -> approvals.approve(order, approver, comment(body)));
    }

    @PostMapping("/api/v1/approvals/{number}/reject")
    @Operation(summary = "Reject with a comment (required): the order is cancelled and its reservations released")
    OrderView reject(@PathVariable String number, @RequestBody(required = false) Comment body) {
        return asApprover(number, (order, approver) -> approvals.reject(order, approver, comment(body)));
    }

    @PutMapping("/api/v1/approvals/{number}/lines")
    @Operation(summary = "The approver lowers quantities or removes lines (quantity 0) of a waiting order; it is "
            + "priced again")
    OrderView changeAsApprover(@PathVariable String number, @RequestBody Change change) {
        return asApprover(number, (order, approver) -> approvals.change(order, approver, true, quantities(change)));
    }

    /** An approver's action on an order of their acting legal entity (by id, approver's user id); the order after it. */
    private OrderView asApprover(String number, java.util.function.BiConsumer<Long, Long> action) {
        Buyer approver = access.approver();
        Orders.Scope scope = Orders.Scope.buyer(approver.legalEntityId());
        action.accept(orders.idOf(scope, number), approver.userId());
        return orders.get(scope, number);
    }

    private static String comment(Comment body) {
        return body == null ? null : body.comment();
    }

    @PutMapping("/api/v1/orders/{number}/lines")
    @Operation(summary = "The buyer lowers quantities or removes lines (quantity 0) of their order while it waits for "
            + "approval or until the seller confirms it; an approved order goes back for approval")
    OrderView changeAsBuyer(@PathVariable String number, @RequestBody Change change) {
        Buyer buyer = buyers.require();
        if (buyer.viewAs()) {
            throw new io.b2bportal.shared.DomainException(403, "read-only", "standing.refused.view-as");
        }
        Orders.Scope scope = Orders.Scope.buyer(buyer.legalEntityId());
        approvals.change(orders.idOf(scope, number), buyer.userId(), false, quantities(change));
        return orders.get(scope, number);
    }

    static Map<Integer, BigDecimal> quantities(Change change) {
        Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
        if (change != null && change.lines() != null) {
            for (LineChange line : change.lines()) {
                if (line != null && line.lineNo() != null) {
                    quantities.put(line.lineNo(), line.quantity());
                }
            }
        }
        return quantities;
    }
}
