package io.b2bportal.customers.web;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.customers.address.Addresses;
import io.b2bportal.customers.address.Addresses.AddressView;
import io.b2bportal.customers.entity.Companies;
import io.b2bportal.customers.entity.Companies.MemberView;
import io.b2bportal.customers.entity.CustomerAccess;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.LegalEntityView;
import io.b2bportal.customers.registration.Invitations;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer side of customers over the API: legal entities, delivery addresses, company users. */
@RestController
@Tag(name = "Customer", description = "The caller's company, legal entities, addresses and users")
class CustomersApiController {

    private final CustomerAccess access;
    private final LegalEntities legalEntities;
    private final CustomersApi customers;
    private final LegalEntityContext context;
    private final Addresses addresses;
    private final Companies companies;
    private final EntityRegistration registration;
    private final Invitations invitations;
    private final CompanyUsers users;

    CustomersApiController(CustomerAccess access, LegalEntities legalEntities, CustomersApi customers,
            LegalEntityContext context, Addresses addresses, Companies companies, EntityRegistration registration,
            Invitations invitations, CompanyUsers users) {
        this.registration = registration;
        this.invitations = invitations;
        this.users = users;
        this.access = access;
        this.legalEntities = legalEntities;
        this.customers = customers;
        this.context = context;
        this.addresses = addresses;
        this.companies = companies;
    }

    /** A legal entity with its terms, as the buyer sees it. */
    record LegalEntityResponse(LegalEntityView entity, ContractTerms terms, boolean active) {
    }

    @GetMapping("/api/v1/legal-entities")
    @Operation(summary = "Legal entities the caller may act for; 'active' marks the one this call acts for "
            + "(X-Legal-Entity, else the default)")
    List<LegalEntityResponse> legalEntities(@AuthenticationPrincipal PortalUser user) {
        customerOnly(user, 0);
        Long active = context.current().map(LegalEntityRef::id).orElse(null);
        return customers.actingEntities(user.id()).stream()
                .map(ref -> new LegalEntityResponse(legalEntities.view(ref.id()).orElseThrow(),
                        customers.termsOf(ref.id()), Long.valueOf(ref.id()).equals(active)))
                .toList();
    }

    @GetMapping("/api/v1/legal-entities/{id}")
    @Operation(summary = "One legal entity of the caller's company with its contract terms")
    LegalEntityResponse legalEntity(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        customerOnly(user, id);
        access.requireEntityVisible(user, id);
        Long active = context.current().map(LegalEntityRef::id).orElse(null);
        return new LegalEntityResponse(legalEntities.view(id).orElseThrow(), customers.termsOf(id),
                Long.valueOf(id).equals(active));
    }

    @PostMapping("/api/v1/legal-entities")
    @Operation(summary = "Register another legal entity of the caller's company (company administrators); it waits "
            + "for the seller's verification")
    ResponseEntity<LegalEntityResponse> addEntity(@AuthenticationPrincipal PortalUser user,
            @Valid @RequestBody LegalEntityForm form) throws BindException {
        long company = access.administeredCompany(user);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.validate(errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        long id = registration.addEntity(user, company, form.toNew());
        return ResponseEntity.created(URI.create("/api/v1/legal-entities/" + id))
                .body(new LegalEntityResponse(legalEntities.view(id).orElseThrow(), customers.termsOf(id), false));
    }

    @GetMapping("/api/v1/addresses")
    @Operation(summary = "Delivery addresses of the acting legal entity; q searches label, address and contact")
    List<AddressView> addresses(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw DomainException.invalid("paging", "customers.paging.invalid", 1000);
        }
        return addresses.search(context.require().id(), q, limit, offset);
    }

    @PostMapping("/api/v1/addresses")
    @Operation(summary = "Add a delivery address to the acting legal entity (the first one becomes the default)")
    ResponseEntity<AddressView> addAddress(@Valid @RequestBody AddressesPageController.AddressForm form) {
        long entity = context.require().id();
        long id = addresses.add(entity, form.data());
        return ResponseEntity.created(URI.create("/api/v1/addresses/" + id))
                .body(addresses.find(entity, id).orElseThrow());
    }

    @PutMapping("/api/v1/addresses/{id}")
    @Operation(summary = "Change a delivery address of the acting legal entity")
    AddressView updateAddress(@PathVariable long id, @Valid @RequestBody AddressesPageController.AddressForm form) {
        long entity = context.require().id();
        addresses.update(entity, id, form.data());
        return addresses.find(entity, id).orElseThrow();
    }

    @PostMapping("/api/v1/addresses/{id}/default")
    @Operation(summary = "Make an address the default of the acting legal entity")
    AddressView makeDefault(@PathVariable long id) {
        long entity = context.require().id();
        addresses.makeDefault(entity, id);
        return addresses.find(entity, id).orElseThrow();
    }

    @DeleteMapping("/api/v1/addresses/{id}")
    @Operation(summary = "Archive a delivery address (past orders keep it)")
    ResponseEntity<Void> archive(@PathVariable long id) {
        addresses.archive(context.require().id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/company/users")
    @Operation(summary = "Users of the caller's company with the legal entities each may act for "
            + "(company administrators only)")
    List<MemberView> users(@AuthenticationPrincipal PortalUser user) {
        return companies.members(access.administeredCompany(user));
    }

    /** An invitation or a change of a member: roles (customer side) and legal entities of the company. */
    record MemberRequest(@Email @Size(max = 254) String email, @Size(max = 200) String displayName,
            @NotNull List<String> roles, @NotNull List<Long> legalEntityIds) {
    }

    @PostMapping("/api/v1/company/users")
    @Operation(summary = "Invite a colleague by e-mail with roles and legal entities (company administrators); "
            + "someone with a customer account elsewhere joins this company too")
    ResponseEntity<MemberView> invite(@AuthenticationPrincipal PortalUser user, @Valid @RequestBody MemberRequest request,
            Locale locale) {
        long company = access.administeredCompany(user);
        if (request.email() == null || request.email().isBlank() || request.displayName() == null
                || request.displayName().isBlank()) {
            throw DomainException.invalid("invitation", "customers.users.invite-fields");
        }
        long userId = invitations.invite(user, company, new Invitations.Invite(request.email().strip(),
                request.displayName().strip(), Invitations.parseRoles(request.roles()), request.legalEntityIds()),
                locale);
        return ResponseEntity.status(202).body(new MemberView(userId, request.email().strip(),
                request.displayName().strip(), request.roles(), true, request.legalEntityIds()));
    }

    @PutMapping("/api/v1/company/users/{userId}")
    @Operation(summary = "Set a member's roles and the legal entities they may act for (company administrators)")
    MemberView update(@AuthenticationPrincipal PortalUser user, @PathVariable long userId,
            @Valid @RequestBody MemberRequest request) {
        long company = access.administeredCompany(user);
        invitations.update(user, company, userId, Invitations.parseRoles(request.roles()), request.legalEntityIds());
        return users.member(company, userId);
    }

    @PostMapping("/api/v1/company/users/{userId}/deactivate")
    @Operation(summary = "Deactivate a company user: their sessions and API keys stop working at once")
    MemberView deactivate(@AuthenticationPrincipal PortalUser user, @PathVariable long userId) {
        return users.setEnabled(user, userId, false);
    }

    @PostMapping("/api/v1/company/users/{userId}/activate")
    @Operation(summary = "Activate a company user again")
    MemberView activate(@AuthenticationPrincipal PortalUser user, @PathVariable long userId) {
        return users.setEnabled(user, userId, true);
    }

    private static void customerOnly(PortalUser user, long id) {
        if (user.isStaff()) {
            throw DomainException.notFound("legal-entity", id);
        }
    }
}
