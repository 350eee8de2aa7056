package io.b2bportal.customers.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The buyer's company: its legal entities with their terms, and switching the acting one. */
@Controller
class CompanyPageController {

    private final CustomerAccess access;
    private final Companies companies;
    private final LegalEntities legalEntities;
    private final CustomersApi customers;
    private final LegalEntityContext context;
    private final EntityRegistration registration;
    private final Agreements agreements;

    CompanyPageController(CustomerAccess access, Companies companies, LegalEntities legalEntities,
            CustomersApi customers, LegalEntityContext context, EntityRegistration registration,
            Agreements agreements) {
        this.registration = registration;
        this.agreements = agreements;
        this.access = access;
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.customers = customers;
        this.context = context;
    }

    @GetMapping("/company")
    String company(@AuthenticationPrincipal PortalUser user, Model model) {
        long companyId = access.ownCompany(user);
        var entities = legalEntities.ofCompany(companyId).stream()
                .filter(entity -> access.canSeeEntity(user, entity.id())).toList();
        model.addAttribute("company", companies.view(companyId).orElseThrow());
        model.addAttribute("entities", entities);
        model.addAttribute("terms", entities.stream().collect(java.util.stream.Collectors.toMap(
                e -> e.id(), e -> customers.termsOf(e.id()))));
        if (user.has(Role.CUSTOMER_ADMIN)) {
            model.addAttribute("members", companies.members(companyId));
        }
        return "customers/company";
    }

    @GetMapping("/company/entities/{id}")
    String entity(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        long company = access.requireEntityVisible(user, id);
        if (user.isStaff() && access.viewedCompany(user).filter(viewed -> viewed == company).isEmpty()) {
            throw DomainException.notFound("legal-entity", id);
        }
        model.addAttribute("entity", legalEntities.view(id).orElseThrow());
        model.addAttribute("terms", customers.termsOf(id));
        model.addAttribute("agreement", agreements.status(id));
        return "customers/entity";
    }

    @GetMapping("/company/entities/new")
    String newEntity(@AuthenticationPrincipal PortalUser user, Model model) {
        access.administeredCompany(user);
        model.addAttribute("form", LegalEntityForm.blank());
        return "customers/entity-form";
    }

    @PostMapping("/company/entities/new")
    String addEntity(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") LegalEntityForm form,
            BindingResult errors, RedirectAttributes redirect) {
        long company = access.administeredCompany(user);
        form.validate(errors);
        if (errors.hasErrors()) {
            return "customers/entity-form";
        }
        try {
            long id = registration.addEntity(user, company, form.toNew());
            redirect.addFlashAttribute("added", form.name().strip());
            return "redirect:/company/entities/" + id;
        } catch (DomainException e) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            return "customers/entity-form";
        }
    }

    /** The header's switcher posts here; the user returns to the page they were on. */
    @PostMapping("/legal-entity")
    String switchEntity(@RequestParam long legalEntityId, HttpServletRequest request) {
        context.switchTo(legalEntityId);
        return "redirect:" + sameSitePath(request.getHeader("Referer"));
    }

    private static String sameSitePath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            return path == null || !path.startsWith("/") || path.startsWith("//") ? "/"
                    : path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
