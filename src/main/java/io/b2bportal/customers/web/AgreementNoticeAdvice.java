package io.b2bportal.customers.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The "your supply contract is ready" banner of the buyer home (platform/buyer-home.html shows it when present),
 * and whether a staff member may publish agreement versions. The banner is a lazy variable: only a page that
 * shows it asks the database.
 */
@ControllerAdvice(annotations = Controller.class)
class AgreementNoticeAdvice {

    private final Agreements agreements;
    private final LegalEntityContext context;

    AgreementNoticeAdvice(Agreements agreements, LegalEntityContext context) {
        this.agreements = agreements;
        this.context = context;
    }

    /** The acting legal entity has not accepted the current contract; only a company administrator can. */
    record AgreementNotice(long legalEntityId, String legalEntityName, boolean canAccept) {
    }

    @ModelAttribute
    void notice(Model model) {
        PortalUser.current().ifPresent(user -> {
            if (user.isStaff()) {
                model.addAttribute("agreementPublisher", user.has(Role.ADMIN));
                return;
            }
            model.addAttribute("agreementNotice", new LazyContextVariable<AgreementNotice>() {
                @Override
                protected AgreementNotice loadValue() {
                    return context.current().filter(entity -> agreements.awaitsAcceptance(entity.id()))
                            .map(entity -> new AgreementNotice(entity.id(), entity.name(),
                                    user.has(Role.CUSTOMER_ADMIN)))
                            .orElse(null);
                }
            });
        });
    }
}
