package io.b2bportal.crm.lead.web;

import io.b2bportal.crm.deal.DealQueries;
import io.b2bportal.crm.deal.Pipelines;
import io.b2bportal.crm.deal.web.Notice;
import io.b2bportal.crm.lead.LeadImport;
import io.b2bportal.crm.lead.Leads;
import io.b2bportal.crm.lead.Leads.LeadInput;
import io.b2bportal.crm.lead.Leads.LeadView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lead list, one lead with what is done to it (take, qualify, convert, disqualify), a new lead, the CSV import. */
@Controller
class LeadPageController {

    private final Leads leads;
    private final LeadImport imports;
    private final LeadAccess access;
    private final Pipelines pipelines;
    private final DealQueries dealQueries;

    LeadPageController(Leads leads, LeadImport imports, LeadAccess access, Pipelines pipelines,
            DealQueries dealQueries) {
        this.leads = leads;
        this.imports = imports;
        this.access = access;
        this.pipelines = pipelines;
        this.dealQueries = dealQueries;
    }

    @GetMapping("/admin/crm/leads")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String status, Model model) {
        String s = status == null || status.isBlank() ? null : status.toUpperCase();
        model.addAttribute("leads", leads.list(s, access.me(user), 1000));
        model.addAttribute("status", s == null ? "" : s);
        model.addAttribute("statuses", Leads.STATUSES);
        return "crm/leads";
    }

    @GetMapping("/admin/crm/leads/{id}")
    String lead(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        LeadView lead = access.lead(user, id);
        model.addAttribute("l", lead);
        model.addAttribute("pipelines", pipelines.list().stream().filter(p -> !p.archived()).toList());
        model.addAttribute("owners", dealQueries.owners());
        model.addAttribute("seesAll", access.seesAll(user));
        return "crm/lead";
    }

    @GetMapping("/admin/crm/leads/new")
    String newLead(@AuthenticationPrincipal PortalUser user, Model model) {
        access.me(user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LeadInput(null, null, null, null, null, null));
        }
        return "crm/lead-form";
    }

    @PostMapping("/admin/crm/leads")
    String create(@AuthenticationPrincipal PortalUser user, LeadInput form, Model model, RedirectAttributes redirect) {
        access.me(user);
        try {
            long id = leads.create("MANUAL", form, user.id(), user.id());
            redirect.addFlashAttribute("done", Notice.of("crm.leads.created"));
            return "redirect:/admin/crm/leads/" + id;
        } catch (DomainException e) {
            model.addAttribute("refused", Notice.of(e));
            model.addAttribute("form", form);
            return "crm/lead-form";
        }
    }

    @PostMapping("/admin/crm/leads/{id}/take")
    String take(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            leads.assign(id, user.id());
            return Notice.of("crm.leads.taken");
        });
    }

    @PostMapping("/admin/crm/leads/{id}/qualify")
    String qualify(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            leads.qualify(id, user.id());
            return Notice.of("crm.leads.qualified");
        });
    }

    @PostMapping("/admin/crm/leads/{id}/disqualify")
    String disqualify(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            leads.disqualify(id, reason, user.id());
            return Notice.of("crm.leads.disqualified");
        });
    }

    @PostMapping("/admin/crm/leads/{id}/convert")
    String convert(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Long accountManagerId, @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) String dealTitle, @RequestParam(required = false) BigDecimal dealAmount,
            RedirectAttributes redirect) {
        Long manager = access.seesAll(user) ? accountManagerId : Long.valueOf(user.id());
        return act(user, id, redirect, () -> {
            long company = leads.convert(id, new Leads.Conversion(manager, pipelineId, dealTitle, dealAmount), user.id());
            return Notice.of("crm.leads.converted", company);
        });
    }

    @GetMapping("/admin/crm/leads/import")
    String importForm(@AuthenticationPrincipal PortalUser user) {
        access.me(user);
        return "crm/lead-import";
    }

    @PostMapping("/admin/crm/leads/import")
    String importCsv(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) MultipartFile file,
            Model model) {
        access.me(user);
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("lead-import-file", "crm.leads.import.file-required");
            }
            model.addAttribute("report", imports.importCsv(file.getOriginalFilename(), file.getBytes(),
                    access.seesAll(user) ? null : user.id(), user.id()));
        } catch (DomainException e) {
            model.addAttribute("refused", Notice.of(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "crm/lead-import";
    }

    private String act(PortalUser user, long id, RedirectAttributes redirect, Supplier<Notice> action) {
        access.lead(user, id);
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", Notice.of(e));
        }
        return "redirect:/admin/crm/leads/" + id;
    }
}
