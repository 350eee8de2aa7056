package io.b2bportal.crm.team.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.team.Departments;
import io.b2bportal.crm.team.Reassignments;
import io.b2bportal.crm.team.TeamQueries;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team page: departments with their heads and members, each manager's workload, and moving clients from one
 * manager to another. Administrators and sales heads edit; account managers read (their own figures only).
 */
@Controller
class TeamPageController {

    private final Departments departments;
    private final TeamQueries queries;
    private final Reassignments reassignments;
    private final CrmAccess access;
    private final MessageSource messages;

    TeamPageController(Departments departments, TeamQueries queries, Reassignments reassignments, CrmAccess access,
            MessageSource messages) {
        this.departments = departments;
        this.queries = queries;
        this.reassignments = reassignments;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/admin/crm/team")
    String page(@AuthenticationPrincipal PortalUser staff, Model model) {
        Long own = access.ownerFilter(staff);
        boolean editor = own == null;
        model.addAttribute("editor", editor);
        model.addAttribute("departments", departments.list());
        model.addAttribute("managers", queries.managers(own));
        if (editor) {
            model.addAttribute("staff", departments.staff());
            model.addAttribute("clients", queries.clients(null).stream().filter(c -> c.managerId() != null).toList());
            model.addAttribute("allManagers", queries.managers(null));
        }
        return "crm/team";
    }

    @PostMapping("/admin/crm/team/departments")
    String create(@AuthenticationPrincipal PortalUser staff, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Long headId, @RequestParam(required = false) Long parentId,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            departments.create(staff, name, headId, parentId);
            return message("crm.team.created", name.strip());
        });
    }

    @PostMapping("/admin/crm/team/departments/{id}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long headId,
            @RequestParam(required = false) Long parentId, RedirectAttributes redirect) {
        return act(redirect, () -> {
            departments.update(staff, id, name, headId, parentId);
            return message("crm.team.saved", name.strip());
        });
    }

    @PostMapping("/admin/crm/team/departments/{id}/members")
    String addMember(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, @RequestParam long userId,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            departments.addMember(staff, id, userId);
            return message("crm.team.member-added");
        });
    }

    @PostMapping("/admin/crm/team/departments/{id}/members/{userId}/remove")
    String removeMember(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, @PathVariable long userId,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            departments.removeMember(staff, id, userId);
            return message("crm.team.member-removed");
        });
    }

    @PostMapping("/admin/crm/team/reassignments")
    String reassign(@AuthenticationPrincipal PortalUser staff, @RequestParam long fromManagerId,
            @RequestParam long toManagerId, @RequestParam(required = false) List<Long> companyIds,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            Reassignments.Result result = reassignments.reassign(staff, fromManagerId, toManagerId,
                    companyIds == null ? List.of() : companyIds);
            return message("crm.team.reassigned", result.clients(), result.activities(), result.deals());
        });
    }

    private String act(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("changed", action.get());
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failed", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/admin/crm/team";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
