package io.b2bportal.customers.web;

import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.registration.Invitations;
import io.b2bportal.customers.registration.Invitations.Invite;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company administrator's user management: invite, roles and legal entities, deactivate. */
@Controller
class CompanyUsersPageController {

    private final CustomerAccess access;
    private final Companies companies;
    private final LegalEntities legalEntities;
    private final Invitations invitations;
    private final CompanyUsers users;

    CompanyUsersPageController(CustomerAccess access, Companies companies, LegalEntities legalEntities,
            Invitations invitations, CompanyUsers users) {
        this.access = access;
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.invitations = invitations;
        this.users = users;
    }

    record InviteForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
            List<String> roles, List<Long> legalEntityIds) {

        Invite toInvite() {
            return new Invite(email.strip(), displayName.strip(), Invitations.parseRoles(roles),
                    legalEntityIds == null ? List.of() : legalEntityIds);
        }
    }

    @GetMapping("/company/users")
    String list(@AuthenticationPrincipal PortalUser admin, Model model) {
        long company = access.administeredCompany(admin);
        model.addAttribute("members", companies.members(company));
        model.addAttribute("entities", legalEntities.ofCompany(company));
        model.addAttribute("customerRoles", Role.namesOf(Role.Side.CUSTOMER));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InviteForm("", "", List.of(Role.BUYER.name()), List.of()));
        }
        return "customers/users";
    }

    @PostMapping("/company/users/invite")
    String invite(@AuthenticationPrincipal PortalUser admin, @Valid @ModelAttribute("form") InviteForm form,
            BindingResult errors, Locale locale, Model model, RedirectAttributes redirect) {
        long company = access.administeredCompany(admin);
        if (!errors.hasErrors()) {
            try {
                invitations.invite(admin, company, form.toInvite(), locale);
                redirect.addFlashAttribute("invited", form.email().strip());
                return "redirect:/company/users";
            } catch (DomainException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        return list(admin, model);
    }

    @PostMapping("/company/users/{userId}")
    String update(@AuthenticationPrincipal PortalUser admin, @PathVariable long userId,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) List<Long> legalEntityIds, RedirectAttributes redirect) {
        long company = access.administeredCompany(admin);
        try {
            invitations.update(admin, company, userId, Invitations.parseRoles(roles),
                    legalEntityIds == null ? List.of() : legalEntityIds);
            redirect.addFlashAttribute("updated", true);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/company/users";
    }

    @PostMapping("/company/users/{userId}/deactivate")
    String deactivate(@AuthenticationPrincipal PortalUser admin, @PathVariable long userId,
            RedirectAttributes redirect) {
        users.setEnabled(admin, userId, false);
        redirect.addFlashAttribute("updated", true);
        return "redirect:/company/users";
    }

    @PostMapping("/company/users/{userId}/activate")
    String activate(@AuthenticationPrincipal PortalUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        users.setEnabled(admin, userId, true);
        redirect.addFlashAttribute("updated", true);
        return "redirect:/company/users";
    }
}
