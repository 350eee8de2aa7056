package io.b2bportal.platform.web;

import io.b2bportal.platform.Role;
import io.b2bportal.platform.security.UserAccounts;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One-time setup outside demo mode: while no administrator exists, whoever opens {@code /setup} first creates
 * one. Afterwards the page is gone (404). Set PORTAL_ADMIN_EMAIL and PORTAL_ADMIN_PASSWORD to skip it.
 */
@Controller
class SetupController {

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;

    SetupController(UserAccounts accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    record SetupForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(min = 12, max = 200) String password, String passwordConfirmation) {
    }

    @GetMapping("/setup")
    String form(Model model) {
        requireNoAdmin();
        model.addAttribute("form", new SetupForm("", "", "", ""));
        return "platform/setup";
    }

    @PostMapping("/setup")
    @Transactional
    String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors) {
        requireNoAdmin();
        if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "setup.password.mismatch");
        }
        if (errors.hasErrors()) {
            return "platform/setup";
        }
        accounts.create(form.email(), form.displayName(), Role.Side.SELLER, Set.of(Role.ADMIN),
                passwordEncoder.encode(form.password()), false);
        return "redirect:/login?setup";
    }

    private void requireNoAdmin() {
        if (accounts.anyEnabledAdmin()) {
            throw DomainException.notFound("page", "/setup");
        }
    }
}
