package io.b2bportal.crm.client.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.client.ClientQueries;
import io.b2bportal.crm.client.TimelineQueries;
import io.b2bportal.crm.contact.Contacts;
import io.b2bportal.crm.contact.Contacts.ContactForm;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CRM's companies (clients), their timeline and their contacts, for those who may see them. */
@RestController
class ClientApiController {

    private final CrmAccess access;
    private final ClientQueries clients;
    private final TimelineQueries timeline;
    private final Contacts contacts;

    ClientApiController(CrmAccess access, ClientQueries clients, TimelineQueries timeline, Contacts contacts) {
        this.access = access;
        this.clients = clients;
        this.timeline = timeline;
        this.contacts = contacts;
    }

    record CompanyPage(List<ClientQueries.ClientRow> companies, int page, int size, boolean hasNext) {
    }

    record CompanyCard(ClientQueries.Company company, List<ClientQueries.Entity> legalEntities,
            BigDecimal balance, boolean onHold, List<ClientQueries.User> users, List<Contacts.Contact> contacts,
            List<ClientQueries.Task> openTasks, List<ClientQueries.Deal> openDeals) {
    }

    @GetMapping("/api/v1/admin/crm/companies")
    CompanyPage list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Long manager = access.ownerFilter(user);
        int safeSize = Math.max(1, Math.min(size, 200));
        int safePage = Math.max(0, Math.min(page, 10_000));
        List<ClientQueries.ClientRow> rows = clients.list(manager, q, safeSize + 1, safePage * safeSize);
        return new CompanyPage(rows.stream().limit(safeSize).toList(), safePage, safeSize, rows.size() > safeSize);
    }

    @GetMapping("/api/v1/admin/crm/companies/{id}")
    CompanyCard card(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        access.requireClient(user, id);
        ClientQueries.Company company = clients.company(id).orElseThrow(() -> DomainException.notFound("client", id));
        List<ClientQueries.Entity> entities = clients.entities(id);
        return new CompanyCard(company, entities,
                entities.stream().map(ClientQueries.Entity::balance).reduce(BigDecimal.ZERO, BigDecimal::add),
                entities.stream().anyMatch(e -> e.hold() != null), clients.users(id), contacts.list(id, false),
                clients.openTasks(id, 100), clients.openDeals(id, 100));
    }

    @GetMapping("/api/v1/admin/crm/companies/{id}/timeline")
    TimelineQueries.Page timeline(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit, Locale locale) {
        access.requireClient(user, id);
        if (kind != null && !kind.isBlank() && !TimelineQueries.KINDS.contains(kind.strip().toUpperCase(Locale.ROOT))) {
            throw new DomainException(400, "unknown-kind", "crm.clients.timeline.unknown-kind", kind);
        }
        return timeline.page(id, kind, before, Math.max(1, Math.min(limit, 200)), locale);
    }

    @GetMapping("/api/v1/admin/crm/companies/{id}/contacts")
    List<Contacts.Contact> contacts(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean archived) {
        access.requireClient(user, id);
        return contacts.list(id, archived);
    }

    @PostMapping("/api/v1/admin/crm/companies/{id}/contacts")
    ResponseEntity<Contacts.Contact> addContact(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody ContactForm form) {
        access.requireClient(user, id);
        long created = contacts.create(id, form, user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(contacts.find(created).orElseThrow());
    }

    @GetMapping("/api/v1/admin/crm/contacts/{id}")
    Contacts.Contact contact(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return visible(user, id);
    }

    @PutMapping("/api/v1/admin/crm/contacts/{id}")
    Contacts.Contact updateContact(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody ContactForm form) {
        visible(user, id);
        contacts.update(id, form);
        return contacts.find(id).orElseThrow();
    }

    /** Archives the contact (it stays for the deals that name it). */
    @DeleteMapping("/api/v1/admin/crm/contacts/{id}")
    ResponseEntity<Void> archiveContact(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        visible(user, id);
        contacts.archive(id, true);
        return ResponseEntity.noContent().build();
    }

    private Contacts.Contact visible(PortalUser user, long id) {
        access.requireCrmUser(user);
        Contacts.Contact contact = contacts.find(id).orElseThrow(() -> DomainException.notFound("contact", id));
        if (!access.seesClient(user, contact.companyId())) {
            throw DomainException.notFound("contact", id);
        }
        return contact;
    }
}
