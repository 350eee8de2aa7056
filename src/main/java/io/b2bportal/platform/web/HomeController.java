package io.b2bportal.platform.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.platform.security.UserAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The two home pages: the buyer portal at {@code /} and the seller back office at {@code /admin}. */
@Controller
class HomeController {

    private final UserAccounts accounts;

    HomeController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String buyerHome(@AuthenticationPrincipal PortalUser user, jakarta.servlet.http.HttpServletRequest request) {
        boolean viewingAsCustomer = io.b2bportal.platform.CustomerView.of(request).isPresent();
        return user.isStaff() && !viewingAsCustomer ? "redirect:/admin" : "platform/buyer-home";
    }

    @GetMapping("/admin")
    String staffHome(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("mailOutbox", user.has(Role.ADMIN));
        model.addAttribute("staff", accounts.listSide(Role.Side.SELLER));
        model.addAttribute("customerAccounts", accounts.countSide(Role.Side.CUSTOMER));
        return "platform/staff-home";
    }
}
