package io.b2bportal.crm.deal.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.deal.Pipelines;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators and sales heads configure pipelines: create one, add, rename, reorder and remove stages. */
@Controller
class PipelineAdminController {

    private final Pipelines pipelines;
    private final CrmAccess access;

    PipelineAdminController(Pipelines pipelines, CrmAccess access) {
        this.pipelines = pipelines;
        this.access = access;
    }

    static void requireConfigurer(CrmAccess access, PortalUser user) {
        access.requireCrmUser(user);
        if (!access.seesAll(user)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }

    @GetMapping("/admin/crm/pipelines")
    String pipelines(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String pipeline,
            Model model) {
        requireConfigurer(access, user);
        var all = pipelines.list();
        model.addAttribute("pipelines", all);
        var current = pipeline == null ? all.stream().findFirst()
                : all.stream().filter(p -> p.code().equals(pipeline)).findFirst();
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("stages", current.map(p -> pipelines.stages(p.id())).orElse(java.util.List.of()));
        model.addAttribute("outcomes", Pipelines.OUTCOMES);
        return "crm/pipelines";
    }

    @PostMapping("/admin/crm/pipelines")
    String create(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String code,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        requireConfigurer(access, user);
        try {
            pipelines.create(code, name);
            redirect.addFlashAttribute("done", Notice.of("crm.deals.pipeline.created"));
            return "redirect:/admin/crm/pipelines?pipeline=" + code.strip().toLowerCase();
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", Notice.of(e));
            return "redirect:/admin/crm/pipelines";
        }
    }

    @PostMapping("/admin/crm/pipelines/{id}/stages")
    String addStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int probability,
            @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> pipelines.addStage(id, name, probability, outcome));
    }

    @PostMapping("/admin/crm/pipelines/{id}/stages/{stageId}")
    String updateStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long stageId,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int probability,
            RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            pipelines.updateStage(id, stageId, name, probability);
            return null;
        });
    }

    @PostMapping("/admin/crm/pipelines/{id}/stages/{stageId}/move")
    String moveStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long stageId,
            @RequestParam int direction, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            pipelines.moveStage(id, stageId, direction);
            return null;
        });
    }

    @PostMapping("/admin/crm/pipelines/{id}/stages/{stageId}/remove")
    String removeStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long stageId,
            RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            pipelines.removeStage(id, stageId);
            return null;
        });
    }

    private String act(PortalUser user, long id, RedirectAttributes redirect, Supplier<Object> action) {
        requireConfigurer(access, user);
        var pipeline = pipelines.byId(id).orElseThrow(() -> DomainException.notFound("pipeline", id));
        try {
            action.get();
            redirect.addFlashAttribute("done", Notice.of("crm.deals.stage.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", Notice.of(e));
        }
        return "redirect:/admin/crm/pipelines?pipeline=" + pipeline.code();
    }
}
