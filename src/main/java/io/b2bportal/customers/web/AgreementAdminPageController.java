package io.b2bportal.customers.web;

import io.b2bportal.customers.agreement.AcceptanceLog;
import io.b2bportal.customers.agreement.AgreementBody;
import io.b2bportal.customers.agreement.AgreementTemplates;
import io.b2bportal.customers.agreement.Agreements;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.PortalUser;
import jakarta.validation.Valid;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
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

/**
 * The supply agreement in the back office: a legal entity's contract and who accepted it when (staff who see
 * the customer), and the versions of the agreement with the check of the acceptance log (administrators).
 */
@Controller
class AgreementAdminPageController {

    private final Agreements agreements;
    private final AgreementTemplates templates;
    private final AcceptanceLog acceptances;
    private final CustomerAccess access;
    private final LegalEntities legalEntities;

    AgreementAdminPageController(Agreements agreements, AgreementTemplates templates, AcceptanceLog acceptances,
            CustomerAccess access, LegalEntities legalEntities) {
        this.agreements = agreements;
        this.templates = templates;
        this.acceptances = acceptances;
        this.access = access;
        this.legalEntities = legalEntities;
    }

    @GetMapping("/admin/customers/legal-entities/{id}/agreement")
    String entity(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, Model model) {
        access.requireEntityVisible(staff, id);
        model.addAttribute("entity", legalEntities.view(id).orElseThrow());
        model.addAttribute("agreement", agreements.status(id));
        model.addAttribute("documents", agreements.documents(id));
        model.addAttribute("history", agreements.history(id));
        return "customers/admin-agreement";
    }

    @GetMapping("/admin/customers/legal-entities/{id}/agreement.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        access.requireEntityVisible(staff, id);
        return AgreementPdfResponse.of(agreements.pdf(id, version), id);
    }

    @GetMapping("/admin/agreements")
    String versions(@AuthenticationPrincipal PortalUser staff, Model model) {
        agreements.requireTemplateAdmin(staff);
        model.addAttribute("versions", templates.list());
        model.addAttribute("verification", acceptances.verify());
        model.addAttribute("placeholders", AgreementBody.PLACEHOLDERS.stream().sorted().map(p -> "{{" + p + "}}")
                .collect(Collectors.joining(", ")));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", templates.current()
                    .map(current -> new AgreementTemplateForm(current.title(), current.body()))
                    .orElseGet(() -> new AgreementTemplateForm("", "")));
        }
        return "customers/admin-agreements";
    }

    @PostMapping("/admin/agreements")
    String publish(@AuthenticationPrincipal PortalUser staff, @Valid @ModelAttribute("form") AgreementTemplateForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        agreements.requireTemplateAdmin(staff);
        form.validate(errors);
        if (errors.hasErrors()) {
            return versions(staff, model);
        }
        redirect.addFlashAttribute("published", agreements.publish(staff, form.title().strip(), form.body()));
        return "redirect:/admin/agreements";
    }
}
