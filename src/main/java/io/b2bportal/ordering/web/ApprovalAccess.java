package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.BuyerContext;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Component;

/** Who approves: a customer user with the approver or company administrator role, acting for the order's entity. */
@Component("approvalAccess")
class ApprovalAccess {

    private final BuyerContext buyers;

    ApprovalAccess(BuyerContext buyers) {
        this.buyers = buyers;
    }

    Buyer approver() {
        Buyer buyer = buyers.require();
        if (buyer.viewAs()) {
            throw new DomainException(403, "read-only", "standing.refused.view-as");
        }
        if (!isApprover()) {
            throw new DomainException(403, "approver-role", "approval.role");
        }
        return buyer;
    }

    /** For templates: whether the signed-in user approves orders. */
    public boolean isApprover() {
        return PortalUser.current().filter(u -> !u.isStaff())
                .map(u -> u.has(Role.APPROVER) || u.has(Role.CUSTOMER_ADMIN)).orElse(false);
    }
}
