package io.b2bportal.crm.lead.web;

import io.b2bportal.crm.deal.web.Notice;
import io.b2bportal.crm.lead.Leads;
import io.b2bportal.crm.lead.Leads.LeadInput;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public "request a call / become a customer" form: anyone may send it; it becomes a WEB_FORM lead that every
 * account manager sees until one takes it. A filled hidden field (bots fill every field) is thanked and dropped.
 */
@Controller
class RequestCallController {

    private final Leads leads;

    RequestCallController(Leads leads) {
        this.leads = leads;
    }

    /** The form's fields; {@code website} is the honeypot a person never sees. */
    record RequestForm(String name, String company, String phone, String email, String message, String website) {
    }

    @GetMapping("/request-a-call")
    String form(@RequestParam(required = false) String sent, Model model) {
        if (sent != null) {
            return "crm/request-a-call-thanks";
        }
        model.addAttribute("form", new RequestForm(null, null, null, null, null, null));
        return "crm/request-a-call";
    }

    @PostMapping("/request-a-call")
    String send(RequestForm form, Model model) {
        if (form.website() != null && !form.website().isBlank()) {
            return "redirect:/request-a-call?sent";
        }
        try {
            leads.create("WEB_FORM", new LeadInput(form.company(), null, form.name(), form.phone(), form.email(),
                    form.message()), null, null);
        } catch (DomainException e) {
            model.addAttribute("refused", Notice.of(e));
            model.addAttribute("form", form);
            return "crm/request-a-call";
        }
        return "redirect:/request-a-call?sent";
    }
}
