package io.b2bportal.customers.web;

import io.b2bportal.customers.registration.Invitations;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind the invitation link: set a password (new people) and join the company. */
@Controller
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation")
    String show(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("pending", invitations.pending(token).orElse(null));
        return "customers/invitation";
    }

    @PostMapping("/invitation")
    String accept(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation, Model model) {
        var pending = invitations.pending(token).orElse(null);
        model.addAttribute("token", token);
        model.addAttribute("pending", pending);
        if (pending == null) {
            return "customers/invitation";
        }
        if (pending.needsPassword() && (password == null || !password.equals(passwordConfirmation))) {
            model.addAttribute("problem", "setup.password.mismatch");
            return "customers/invitation";
        }
        try {
            invitations.accept(token, password);
        } catch (DomainException e) {
            model.addAttribute("problem", e.messageKey());
            return "customers/invitation";
        }
        return "redirect:/login?joined";
    }
}
