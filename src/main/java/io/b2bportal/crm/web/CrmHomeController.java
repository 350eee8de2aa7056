package io.b2bportal.crm.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The CRM opens on the manager's day: what is overdue, due today and coming up. */
@Controller
class CrmHomeController {

    @GetMapping("/admin/crm")
    String home() {
        return "redirect:/admin/crm/my-day";
    }
}
