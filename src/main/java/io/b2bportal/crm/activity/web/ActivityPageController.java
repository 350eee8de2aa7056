package io.b2bportal.crm.activity.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.activity.Activities;
import io.b2bportal.crm.activity.ActivityDesk;
import io.b2bportal.crm.activity.ActivityDesk.Input;
import io.b2bportal.crm.activity.ActivityDesk.View;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's day (the CRM's home: overdue, today, the next seven days; completing inline with htmx, a quick task)
 * and one activity: planning a call, meeting, mail, task or note for a client or deal, editing, completing with an
 * outcome, cancelling. Times are typed and shown in Moscow time.
 */
@Controller
class ActivityPageController {

    private final ActivityDesk desk;
    private final CrmAccess access;

    ActivityPageController(ActivityDesk desk, CrmAccess access) {
        this.desk = desk;
        this.access = access;
    }

    /** A message for the next page, as a bundle key with its arguments. */
    record Notice(String key, Object[] args) implements Serializable {

        static Notice of(String key, Object... args) {
            return new Notice(key, args);
        }
    }

    @GetMapping("/admin/crm/my-day")
    String myDay(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long userId, Model model) {
        model.addAttribute("day", desk.myDay(user, userId, Instant.now()));
        model.addAttribute("seesAll", access.seesAll(user));
        model.addAttribute("people", access.seesAll(user) ? desk.crmPeople() : List.of());
        model.addAttribute("types", Activities.Type.values());
        return "crm/my-day";
    }

    @PostMapping("/admin/crm/my-day/tasks")
    String quickAdd(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String dueAt,
            @RequestParam(required = false) Long userId, RedirectAttributes redirect) {
        try {
            desk.create(user, new Input(type == null ? "TASK" : type, null, null, null, null, subject, null, userId,
                    dueAt, null));
            redirect.addFlashAttribute("done", Notice.of("crm.tasks.done.created"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", new Notice(e.messageKey(), e.arguments()));
        }
        return "redirect:/admin/crm/my-day" + (userId == null || userId == user.id() ? "" : "?userId=" + userId);
    }

    @GetMapping("/admin/crm/activities/new")
    String newActivity(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) Long dealId, @RequestParam(required = false) Long contactId,
            @RequestParam(required = false) Long leadId, @RequestParam(defaultValue = "CALL") String type,
            Model model) {
        access.requireCrmUser(user);
        if (companyId != null) {
            access.requireClient(user, companyId);
        }
        Input input = new Input(type, companyId, dealId, leadId, contactId, "", "", user.id(), "", "");
        return form(user, input, null, model);
    }

    private String form(PortalUser user, Input input, Notice error, Model model) {
        model.addAttribute("input", input);
        model.addAttribute("error", error);
        model.addAttribute("companyName", input.companyId() == null ? null
                : desk.companyName(input.companyId()).orElse(null));
        model.addAttribute("types", Activities.Type.values());
        model.addAttribute("people", access.seesAll(user) ? desk.crmPeople() : List.of());
        model.addAttribute("me", user);
        return "crm/activity-new";
    }

    @PostMapping("/admin/crm/activities")
    String create(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String type,
            @RequestParam(required = false) Long companyId, @RequestParam(required = false) Long dealId,
            @RequestParam(required = false) Long leadId, @RequestParam(required = false) Long contactId,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String details,
            @RequestParam(required = false) Long assigneeId, @RequestParam(required = false) String dueAt,
            @RequestParam(required = false) String remindAt, Model model, RedirectAttributes redirect) {
        Input input = new Input(type, companyId, dealId, leadId, contactId, subject, details, assigneeId, dueAt,
                remindAt);
        try {
            long id = desk.create(user, input);
            redirect.addFlashAttribute("done", Notice.of("crm.tasks.done.created"));
            return "redirect:/admin/crm/activities/" + id;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            model.addAttribute("status", e.status());
            return form(user, input, new Notice(e.messageKey(), e.arguments()), model);
        }
    }

    @GetMapping("/admin/crm/activities/{id}")
    String activity(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        View a = desk.get(user, id);
        model.addAttribute("a", a);
        model.addAttribute("types", Activities.Type.values());
        model.addAttribute("people", access.seesAll(user) ? desk.crmPeople() : List.of());
        model.addAttribute("dueLocal", ActivityDesk.local(a.dueAt()));
        model.addAttribute("remindLocal", ActivityDesk.local(a.remindAt()));
        return "crm/activity";
    }

    @PostMapping("/admin/crm/activities/{id}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String type, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String details, @RequestParam(required = false) Long assigneeId,
            @RequestParam(required = false) String dueAt, @RequestParam(required = false) String remindAt,
            RedirectAttributes redirect) {
        return act(redirect, id, "crm.tasks.done.saved", () -> desk.update(user, id,
                new Input(type, null, null, null, null, subject, details, assigneeId, dueAt, remindAt)));
    }

    @PostMapping("/admin/crm/activities/{id}/complete")
    String complete(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        if (htmx != null) {
            View done = desk.complete(user, id, outcome);
            model.addAttribute("a", done);
            return "crm/my-day :: done-row";
        }
        String target = act(redirect, id, "crm.tasks.done.completed", () -> desk.complete(user, id, outcome));
        return "my-day".equals(back) ? "redirect:/admin/crm/my-day" : target;
    }

    @PostMapping("/admin/crm/activities/{id}/cancel")
    String cancel(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, id, "crm.tasks.done.cancelled", () -> desk.cancel(user, id));
    }

    private String act(RedirectAttributes redirect, long id, String doneKey, java.util.function.Supplier<View> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", Notice.of(doneKey));
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("refused", new Notice(e.messageKey(), e.arguments()));
        }
        return "redirect:/admin/crm/activities/" + id;
    }
}
