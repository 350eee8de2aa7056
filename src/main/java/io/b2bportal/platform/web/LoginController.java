package io.b2bportal.platform.web;

import io.b2bportal.platform.PortalUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one login page for buyers and staff; Spring Security handles the POST. */
@Controller
class LoginController {

    private final boolean demoMode;

    LoginController(@Value("${portal.demo}") boolean demoMode) {
        this.demoMode = demoMode;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long minutes,
            Model model) {
        if (PortalUser.current().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("demoMode", demoMode);
        if (error != null) {
            String reason = switch (error) {
                case "throttled", "disabled", "unconfirmed" -> error;
                default -> "credentials";
            };
            model.addAttribute("error", reason);
            model.addAttribute("minutes", minutes == null || minutes < 1 ? 15 : Math.min(minutes, 1440));
        }
        return "platform/login";
    }
}
