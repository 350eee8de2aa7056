package io.b2bportal.customers.web;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.Companies.CompanyRow;
import io.b2bportal.customers.entity.Companies.CompanyView;
import io.b2bportal.customers.entity.Companies.GroupView;
import io.b2bportal.customers.entity.Companies.MemberView;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.LegalEntityView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The back office's customer pages as an API, for staff and the seller's ERP. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: customers", description = "Customers, verification, contracts, groups (seller staff)")
class CustomersAdminApiController {

    private final CustomerAccess access;
    private final Companies companies;
    private final LegalEntities legalEntities;
    private final CustomersApi customers;
    private final CustomerAdministration administration;

    CustomersAdminApiController(CustomerAccess access, Companies companies, LegalEntities legalEntities,
            CustomersApi customers, CustomerAdministration administration) {
        this.access = access;
        this.companies = companies;
        this.legalEntities = legalEntities;
        this.customers = customers;
        this.administration = administration;
    }

    record CustomerCard(CompanyView company, List<EntityWithTerms> legalEntities, List<MemberView> users) {
    }

    record EntityWithTerms(LegalEntityView entity, ContractTerms terms) {
    }

    @GetMapping("/customers")
    @Operation(summary = "Customers the caller may see (an account manager: their own); q searches name and INN")
    List<CompanyRow> list(@AuthenticationPrincipal PortalUser staff, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        staffOnly(staff);
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw DomainException.invalid("paging", "customers.paging.invalid", 1000);
        }
        return companies.list(access.managerFilter(staff), q, limit, offset);
    }

    @GetMapping("/customers/{id}")
    @Operation(summary = "A customer's card: company, legal entities with contract terms, users")
    CustomerCard card(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        staffOnly(staff);
        access.requireCompanyVisible(staff, id);
        return new CustomerCard(companies.view(id).orElseThrow(),
                legalEntities.ofCompany(id).stream()
                        .map(e -> new EntityWithTerms(e, customers.termsOf(e.id()))).toList(),
                companies.members(id));
    }

    record Assignment(Long groupId, Long accountManagerId) {
    }

    @PutMapping("/customers/{id}/assignment")
    @Operation(summary = "Set a customer's group and account manager (administrators and sales heads)")
    CompanyView assign(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestBody Assignment assignment) {
        staffOnly(staff);
        administration.assign(staff, id, assignment.groupId(), assignment.accountManagerId());
        return companies.view(id).orElseThrow();
    }

    @GetMapping("/customers/registrations")
    @Operation(summary = "Legal entities waiting for verification, oldest first")
    List<LegalEntityView> registrations(@AuthenticationPrincipal PortalUser staff) {
        staffOnly(staff);
        return legalEntities.pending(access.managerFilter(staff));
    }

    @PostMapping("/customers/legal-entities/{id}/approve")
    @Operation(summary = "Approve a pending legal entity: it may order from now on")
    LegalEntityView approve(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        staffOnly(staff);
        administration.approve(staff, id);
        return legalEntities.view(id).orElseThrow();
    }

    record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/customers/legal-entities/{id}/reject")
    @Operation(summary = "Reject a pending legal entity with a reason the buyer sees")
    LegalEntityView reject(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody Rejection rejection) {
        staffOnly(staff);
        administration.reject(staff, id, rejection.reason().strip());
        return legalEntities.view(id).orElseThrow();
    }

    @GetMapping("/customers/legal-entities/{id}/contract")
    @Operation(summary = "The contract terms of a legal entity (the default terms when it has no contract)")
    ContractTerms contract(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        staffOnly(staff);
        access.requireEntityVisible(staff, id);
        return customers.termsOf(id);
    }

    @PutMapping("/customers/legal-entities/{id}/contract")
    @Operation(summary = "Create or replace the contract of a legal entity")
    ContractTerms saveContract(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody ContractForm form) throws BindException {
        staffOnly(staff);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.validate(errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        administration.saveContract(staff, id, form.data());
        return customers.termsOf(id);
    }

    @GetMapping("/customer-groups")
    @Operation(summary = "Customer groups (segments) with the number of companies in each")
    List<GroupView> groups(@AuthenticationPrincipal PortalUser staff) {
        staffOnly(staff);
        return companies.groups();
    }

    @PostMapping("/customer-groups")
    @Operation(summary = "Create a customer group (administrators and sales heads)")
    ResponseEntity<GroupView> createGroup(@AuthenticationPrincipal PortalUser staff,
            @Valid @RequestBody CustomersAdminPageController.GroupForm form) {
        staffOnly(staff);
        long id = administration.createGroup(staff, form.code(), form.name().strip());
        return ResponseEntity.created(URI.create("/api/v1/admin/customer-groups/" + id))
                .body(companies.groups().stream().filter(g -> g.id() == id).findFirst().orElseThrow());
    }

    private static void staffOnly(PortalUser user) {
        if (!user.isStaff()) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }
}
