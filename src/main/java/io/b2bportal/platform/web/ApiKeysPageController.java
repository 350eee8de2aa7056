package io.b2bportal.platform.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.security.ApiKeys;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own API keys: create (the token is shown once), list, revoke. */
@Controller
class ApiKeysPageController {

    private final ApiKeys apiKeys;

    ApiKeysPageController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record ApiKeyForm(@NotBlank @Size(max = 100) String name) {
    }

    @GetMapping("/account/api-keys")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApiKeyForm(""));
        }
        model.addAttribute("keys", apiKeys.list(user.id()));
        return "platform/api-keys";
    }

    @PostMapping("/account/api-keys")
    String create(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") ApiKeyForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("keys", apiKeys.list(user.id()));
            return "platform/api-keys";
        }
        try {
            redirect.addFlashAttribute("issued", apiKeys.issue(user.id(), form.name()));
        } catch (DomainException e) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            model.addAttribute("keys", apiKeys.list(user.id()));
            return "platform/api-keys";
        }
        return "redirect:/account/api-keys";
    }

    @PostMapping("/account/api-keys/{id}/revoke")
    String revoke(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", apiKeys.revoke(user.id(), id).name());
        return "redirect:/account/api-keys";
    }
}
