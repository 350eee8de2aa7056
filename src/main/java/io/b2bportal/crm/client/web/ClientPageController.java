package io.b2bportal.crm.client.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.client.ClientQueries;
import io.b2bportal.crm.client.TimelineQueries;
import io.b2bportal.crm.contact.Contacts;
import io.b2bportal.crm.contact.Contacts.ContactForm;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client list and the client card: requisites, contracts, users, balance and credit, contacts, open tasks and
 * deals, and the timeline (filtered by kind and paged with htmx). Only clients the CRM user may see; others are 404.
 */
@Controller
class ClientPageController {

    static final int PAGE_SIZE = 50;
    static final int TIMELINE_PAGE = 25;

    private final CrmAccess access;
    private final ClientQueries clients;
    private final TimelineQueries timeline;
    private final Contacts contacts;
    private final CustomersApi customers;

    ClientPageController(CrmAccess access, ClientQueries clients, TimelineQueries timeline, Contacts contacts,
            CustomersApi customers) {
        this.access = access;
        this.clients = clients;
        this.timeline = timeline;
        this.contacts = contacts;
        this.customers = customers;
    }

    @GetMapping("/admin/crm/clients")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Long manager = access.ownerFilter(user);
        int safePage = Math.max(0, Math.min(page, 10_000));
        List<ClientQueries.ClientRow> rows = clients.list(manager, q, PAGE_SIZE + 1, safePage * PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("clients", rows.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("zone", BusinessDate.ZONE);
        return htmx != null ? "crm/clients :: results" : "crm/clients";
    }

    @GetMapping("/admin/crm/clients/{id:\\d+}")
    String card(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) Long before,
            Locale locale, Model model) {
        access.requireClient(user, id);
        ClientQueries.Company company = clients.company(id).orElseThrow(() -> DomainException.notFound("client", id));
        model.addAttribute("company", company);
        List<ClientQueries.Entity> entities = clients.entities(id);
        model.addAttribute("entities", entities);
        model.addAttribute("approvedEntities", entities.stream().filter(ClientQueries.Entity::approved).toList());
        model.addAttribute("balance", entities.stream().map(ClientQueries.Entity::balance)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("onHold", entities.stream().anyMatch(e -> e.hold() != null));
        model.addAttribute("users", clients.users(id));
        model.addAttribute("tasks", clients.openTasks(id, 20));
        model.addAttribute("deals", clients.openDeals(id, 20));
        model.addAttribute("contacts", contacts.list(id, false));
        model.addAttribute("linkable", contacts.linkableUsers(id));
        model.addAttribute("roles", Contacts.ROLES);
        model.addAttribute("channels", Contacts.CHANNELS);
        model.addAttribute("mayOrderOnBehalf", customers.staffManages(user, id));
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", ContactForm.empty());
        }
        timeline(id, kind, before, locale, model);
        return "crm/client";
    }

    /** The timeline alone (htmx: a kind chosen, or the next page of older entries). */
    @GetMapping("/admin/crm/clients/{id:\\d+}/timeline")
    String timelineFragment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) Long before,
            Locale locale, Model model) {
        access.requireClient(user, id);
        model.addAttribute("company", clients.company(id).orElseThrow(() -> DomainException.notFound("client", id)));
        timeline(id, kind, before, locale, model);
        return before != null ? "crm/client :: entries" : "crm/client :: timeline";
    }

    private void timeline(long id, String kind, Long before, Locale locale, Model model) {
        String chosen = kind != null && TimelineQueries.KINDS.contains(kind.toUpperCase(Locale.ROOT))
                ? kind.toUpperCase(Locale.ROOT) : null;
        model.addAttribute("kinds", TimelineQueries.KINDS);
        model.addAttribute("kind", chosen);
        model.addAttribute("timeline", timeline.page(id, chosen, before, TIMELINE_PAGE, locale));
        model.addAttribute("zone", BusinessDate.ZONE);
    }

    @PostMapping("/admin/crm/clients/{id:\\d+}/contacts")
    String addContact(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Locale locale, Model model,
            RedirectAttributes redirect) {
        access.requireClient(user, id);
        try {
            contacts.create(id, form, user.id());
        } catch (Contacts.Invalid invalid) {
            invalid.errors().forEach((field, key) -> errors.rejectValue(field, key));
            model.addAttribute("contactErrors", true);
            return card(user, id, null, null, locale, model);
        }
        redirect.addFlashAttribute("saved", "crm.clients.contact.added");
        return "redirect:/admin/crm/clients/" + id + "#contacts";
    }

    @GetMapping("/admin/crm/contacts/{contactId:\\d+}/edit")
    String editContact(@AuthenticationPrincipal PortalUser user, @PathVariable long contactId, Model model) {
        Contacts.Contact contact = visible(user, contactId);
        model.addAttribute("contact", contact);
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", contact.form());
        }
        model.addAttribute("company", clients.company(contact.companyId()).orElseThrow());
        model.addAttribute("linkable", contacts.linkableUsers(contact.companyId()));
        model.addAttribute("roles", Contacts.ROLES);
        model.addAttribute("channels", Contacts.CHANNELS);
        return "crm/contact-edit";
    }

    @PostMapping("/admin/crm/contacts/{contactId:\\d+}")
    String updateContact(@AuthenticationPrincipal PortalUser user, @PathVariable long contactId,
            @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Contacts.Contact contact = visible(user, contactId);
        try {
            contacts.update(contactId, form);
        } catch (Contacts.Invalid invalid) {
            invalid.errors().forEach((field, key) -> errors.rejectValue(field, key));
            return editContact(user, contactId, model);
        }
        redirect.addFlashAttribute("saved", "crm.clients.contact.saved");
        return "redirect:/admin/crm/clients/" + contact.companyId() + "#contacts";
    }

    @PostMapping("/admin/crm/contacts/{contactId:\\d+}/archive")
    String archiveContact(@AuthenticationPrincipal PortalUser user, @PathVariable long contactId,
            RedirectAttributes redirect) {
        Contacts.Contact contact = visible(user, contactId);
        contacts.archive(contactId, true);
        redirect.addFlashAttribute("saved", "crm.clients.contact.archived");
        return "redirect:/admin/crm/clients/" + contact.companyId() + "#contacts";
    }

    private Contacts.Contact visible(PortalUser user, long contactId) {
        Contacts.Contact contact = contacts.find(contactId)
                .orElseThrow(() -> DomainException.notFound("contact", contactId));
        if (!access.seesClient(user, contact.companyId())) {
            throw DomainException.notFound("contact", contactId);
        }
        return contact;
    }
}
