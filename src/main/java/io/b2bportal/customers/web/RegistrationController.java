package io.b2bportal.customers.web;

import io.b2bportal.customers.registration.Registrations;
import io.b2bportal.customers.registration.Registrations.NewRegistration;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public self-registration of a buyer with their company, and the e-mail confirmation link. */
@Controller
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    record RegistrationForm(
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 50) @Pattern(regexp = "^$|^[0-9+()\\- ]{5,50}$") String phone,
            @NotBlank @Size(min = 12, max = 200) String password,
            String passwordConfirmation,
            @NotBlank @Size(max = 200) String companyName,
            @NotNull @Valid LegalEntityForm entity) {

        RegistrationForm {
            // a post without any entity field still renders the whole form back, with the entity's own errors
            entity = entity == null ? LegalEntityForm.blank() : entity;
        }

        static RegistrationForm blank() {
            return new RegistrationForm("", "", "", "", "", "", LegalEntityForm.blank());
        }

        void validate(BindingResult errors) {
            if (password != null && !password.equals(passwordConfirmation)) {
                errors.rejectValue("passwordConfirmation", "setup.password.mismatch");
            }
            if (entity != null) {
                errors.pushNestedPath("entity");
                entity.validate(errors);
                errors.popNestedPath();
            }
        }

        NewRegistration toNew() {
            return new NewRegistration(displayName.strip(), email.strip(),
                    phone == null || phone.isBlank() ? null : phone.strip(), password, companyName.strip(),
                    entity.toNew());
        }
    }

    @GetMapping("/register")
    String form(Model model) {
        if (PortalUser.current().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("form", RegistrationForm.blank());
        return "customers/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Locale locale,
            Model model) {
        form.validate(errors);
        if (errors.hasErrors()) {
            return "customers/register";
        }
        try {
            registrations.register(form.toNew(), locale);
        } catch (DomainException e) {
            if ("email-taken".equals(e.code())) {
                errors.rejectValue("email", e.messageKey());
            } else {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
            return "customers/register";
        }
        model.addAttribute("email", form.email().strip());
        return "customers/register-sent";
    }

    @GetMapping("/register/confirm")
    String confirm(@RequestParam(required = false) String token, Model model) {
        try {
            registrations.confirm(token);
            model.addAttribute("confirmed", true);
        } catch (DomainException e) {
            model.addAttribute("confirmed", false);
        }
        return "customers/register-confirmed";
    }
}
