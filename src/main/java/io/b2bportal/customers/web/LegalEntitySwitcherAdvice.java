package io.b2bportal.customers.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.PortalUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** Puts the legal entity switcher into every customer page's header (the layout shows it when present). */
@ControllerAdvice(annotations = Controller.class)
class LegalEntitySwitcherAdvice {

    private final LegalEntityContext context;

    LegalEntitySwitcherAdvice(LegalEntityContext context) {
        this.context = context;
    }

    @ModelAttribute
    void switcher(Model model) {
        PortalUser.current().filter(PortalUser::isStaff).flatMap(staff -> context.current()).ifPresent(viewed -> {
            model.addAttribute("actingEntities", List.of(viewed));
            model.addAttribute("activeEntity", viewed);
        });
        PortalUser.current().filter(user -> !user.isStaff()).ifPresent(user -> {
            List<LegalEntityRef> entities = context.acting();
            if (!entities.isEmpty()) {
                model.addAttribute("actingEntities", entities);
                model.addAttribute("activeEntity", context.current().orElse(null));
            }
        });
    }
}
