package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.ordering.cart.QuantityPolicy;
import io.b2bportal.ordering.order.Approvals;
import io.b2bportal.ordering.order.OnBehalfAudit;
import io.b2bportal.ordering.order.Orders;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approver's list of waiting orders, and the approve / reject / change forms on the order page. */
@Controller
class ApprovalPageController {

    private final ApprovalAccess access;
    private final BuyerContext buyers;
    private final Approvals approvals;
    private final Orders orders;
    private final OnBehalfAudit onBehalfAudit;

    ApprovalPageController(ApprovalAccess access, BuyerContext buyers, Approvals approvals, Orders orders,
            OnBehalfAudit onBehalfAudit) {
        this.onBehalfAudit = onBehalfAudit;
        this.access = access;
        this.buyers = buyers;
        this.approvals = approvals;
        this.orders = orders;
    }

    @GetMapping("/approvals")
    String list(Model model) {
        model.addAttribute("pending", approvals.pending(access.approver().legalEntityId()));
        return "ordering/approvals";
    }

    @PostMapping("/orders/{number}/approve")
    String approve(@PathVariable String number, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Buyer approver = access.approver();
        return act(number, redirect, () -> approvals.approve(id(approver, number), approver.userId(), comment),
                "approved");
    }

    @PostMapping("/orders/{number}/reject")
    String reject(@PathVariable String number, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Buyer approver = access.approver();
        return act(number, redirect, () -> approvals.reject(id(approver, number), approver.userId(), comment),
                "rejected");
    }

    /** The quantities form: {@code qty.<lineNo>} for each line; {@code as=approver} when the approver changes it. */
    @PostMapping("/orders/{number}/lines")
    String change(@PathVariable String number, @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        boolean asApprover = "approver".equals(params.getFirst("as"));
        Buyer buyer = asApprover ? access.approver() : buyers.require();
        if (buyer.viewAs()) {
            throw new DomainException(403, "read-only", "standing.refused.view-as");
        }
        if (buyer.onBehalf()) {
            long orderId = id(buyer, number);
            String result = act(number, redirect, () -> approvals.changeOnBehalf(orderId, buyer.userId(),
                    quantities(params)), "changed");
            if ("changed".equals(redirect.getFlashAttributes().get("approvalDone"))) {
                onBehalfAudit.orderChanged(buyer, orderId, "ordering.order.on-behalf-change", request.getRemoteAddr());
            }
            return result;
        }
        return act(number, redirect, () -> approvals.change(id(buyer, number), buyer.userId(), asApprover,
                quantities(params)), "changed");
    }

    private static Map<Integer, BigDecimal> quantities(MultiValueMap<String, String> params) {
        Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("qty.") && !values.isEmpty()) {
                int lineNo;
                try {
                    lineNo = Integer.parseInt(name.substring(4));
                } catch (NumberFormatException e) {
                    return;
                }
                QuantityPolicy.Parsed parsed = QuantityPolicy.parse(values.getFirst());
                if (!parsed.ok()) {
                    throw DomainException.invalid("bad-quantity", "approval.bad-quantity", values.getFirst());
                }
                quantities.put(lineNo, parsed.quantity());
            }
        });
        return quantities;
    }

    private long id(Buyer buyer, String number) {
        return orders.idOf(Orders.Scope.buyer(buyer.legalEntityId()), number);
    }

    private String act(String number, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("approvalDone", done);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("approvalProblem", e);
        }
        return "redirect:/orders/" + number;
    }
}
