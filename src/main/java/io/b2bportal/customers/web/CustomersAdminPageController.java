package io.b2bportal.customers.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.contract.Contracts;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.stream.Collectors;
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
 * The seller's side of customers: the customer list, a customer's card, the verification queue, contracts,
 * customer groups and the account manager of each customer.
 */
@Controller
class CustomersAdminPageController {

    private final CustomerAccess access;
    private final Companies companies;
    private final LegalEntities legalEntities;
    private final Contracts contracts;
    private final CustomersApi customers;
    private final CustomerAdministration administration;
    private final AuditLog audit;

    CustomersAdminPageController(CustomerAccess access, Companies companies, LegalEntities legalEntities,
            Contracts contracts, CustomersApi customers, CustomerAdministration administration, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.contracts = contracts;
        this.customers = customers;
        this.administration = administration;
    }

    @GetMapping("/admin/customers")
    String list(@AuthenticationPrincipal PortalUser staff, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("customers", companies.list(access.managerFilter(staff), q, 200, 0));
        model.addAttribute("pendingCount", legalEntities.pending(access.managerFilter(staff)).size());
        return "customers/admin-list";
    }

    @GetMapping("/admin/customers/{id}")
    String card(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, Model model) {
        access.requireCompanyVisible(staff, id);
        var entities = legalEntities.ofCompany(id);
        model.addAttribute("company", companies.view(id).orElseThrow(() -> DomainException.notFound("company", id)));
        model.addAttribute("entities", entities);
        model.addAttribute("terms", entities.stream().collect(Collectors.toMap(e -> e.id(), e -> customers.termsOf(e.id()))));
        model.addAttribute("members", companies.members(id));
        model.addAttribute("groups", companies.groups());
        model.addAttribute("managers", administration.accountManagers());
        model.addAttribute("audit", audit.ofCompany(id, 20));
        return "customers/admin-card";
    }

    @PostMapping("/admin/customers/{id}/assignment")
    String assign(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(required = false) Long groupId, @RequestParam(required = false) Long accountManagerId,
            RedirectAttributes redirect) {
        administration.assign(staff, id, groupId, accountManagerId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/customers/" + id;
    }

    @GetMapping("/admin/customers/registrations")
    String queue(@AuthenticationPrincipal PortalUser staff, Model model) {
        model.addAttribute("pending", legalEntities.pending(access.managerFilter(staff)));
        return "customers/admin-queue";
    }

    @PostMapping("/admin/customers/legal-entities/{id}/approve")
    String approve(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(defaultValue = "queue") String back, RedirectAttributes redirect) {
        long company = administration.approve(staff, id);
        redirect.addFlashAttribute("approved", legalEntities.ref(id).orElseThrow().name());
        return back(back, company);
    }

    record RejectForm(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/admin/customers/legal-entities/{id}/reject")
    String reject(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @ModelAttribute RejectForm form, BindingResult errors,
            @RequestParam(defaultValue = "queue") String back, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("rejectError", id);
            long company = access.requireEntityVisible(staff, id);
            return back(back, company);
        }
        long company = administration.reject(staff, id, form.reason().strip());
        redirect.addFlashAttribute("rejected", legalEntities.ref(id).orElseThrow().name());
        return back(back, company);
    }

    @GetMapping("/admin/customers/legal-entities/{id}/contract")
    String contract(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, Model model) {
        long company = access.requireEntityVisible(staff, id);
        access.requireSellerManages(staff, company);
        model.addAttribute("entity", legalEntities.view(id).orElseThrow());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", contracts.find(id).map(ContractForm::of).orElseGet(ContractForm::blank));
        }
        return "customers/admin-contract";
    }

    @PostMapping("/admin/customers/legal-entities/{id}/contract")
    String saveContract(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @ModelAttribute("form") ContractForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.validate(errors);
        if (errors.hasErrors()) {
            return contract(staff, id, model);
        }
        long company = administration.saveContract(staff, id, form.data());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/customers/" + company;
    }

    record GroupForm(@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,39}$") String code,
            @NotBlank @Size(max = 200) String name) {
    }

    @GetMapping("/admin/customer-groups")
    String groups(Model model) {
        model.addAttribute("groups", companies.groups());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GroupForm("", ""));
        }
        return "customers/admin-groups";
    }

    @PostMapping("/admin/customer-groups")
    String createGroup(@AuthenticationPrincipal PortalUser staff, @Valid @ModelAttribute("form") GroupForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        administration.requireGroupAdmin(staff);
        if (!errors.hasErrors()) {
            try {
                administration.createGroup(staff, form.code(), form.name().strip());
                redirect.addFlashAttribute("saved", form.name());
                return "redirect:/admin/customer-groups";
            } catch (DomainException e) {
                errors.rejectValue("code", e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        return groups(model);
    }

    private static String back(String back, long company) {
        return "card".equals(back) ? "redirect:/admin/customers/" + company : "redirect:/admin/customers/registrations";
    }
}
