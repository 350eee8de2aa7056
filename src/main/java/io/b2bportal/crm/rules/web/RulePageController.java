package io.b2bportal.crm.rules.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.rules.RuleDefinition;
import io.b2bportal.crm.rules.RuleDefinition.Action;
import io.b2bportal.crm.rules.RuleDefinition.Condition;
import io.b2bportal.crm.rules.Rules;
import io.b2bportal.crm.rules.Rules.ExecutionFilter;
import io.b2bportal.crm.rules.Rules.Rule;
import io.b2bportal.crm.rules.TriggerCatalog;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules on pages: the list (on/off, version, executions), the editor (a trigger's fields appear for the
 * conditions by an htmx swap; rows of conditions and actions), a rule's versions and the execution log with filters.
 * Administrators and sales heads edit; account managers read.
 */
@Controller
class RulePageController {

    private final Rules rules;
    private final TriggerCatalog catalog;
    private final CrmAccess access;
    private final JdbcClient jdbc;

    RulePageController(Rules rules, TriggerCatalog catalog, CrmAccess access, JdbcClient jdbc) {
        this.rules = rules;
        this.catalog = catalog;
        this.access = access;
        this.jdbc = jdbc;
    }

    record Notice(String key, Object[] args) implements Serializable {
    }

    /** A stage a rule may move deals to, as "pipeline — stage". */
    record StageOption(long pipelineId, long stageId, String label) {

        public String value() {
            return pipelineId + ":" + stageId;
        }
    }

    @GetMapping("/admin/crm/rules")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        access.requireCrmUser(user);
        model.addAttribute("rules", rules.list());
        model.addAttribute("mayEdit", Rules.mayEdit(user));
        model.addAttribute("executions", rules.executions(new ExecutionFilter(null, null, null,
                access.ownerFilter(user)), 10));
        return "crm/rules";
    }

    @PostMapping("/admin/crm/rules/{id}/enabled")
    String enable(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        rules.enable(user, id, enabled);
        redirect.addFlashAttribute("done", new Notice(enabled ? "crm.rules.done.enabled" : "crm.rules.done.disabled",
                new Object[0]));
        return "redirect:/admin/crm/rules";
    }

    @GetMapping("/admin/crm/rules/new")
    String newRule(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String trigger,
            Model model) {
        access.requireCrmUser(user);
        String code = catalog.trigger(trigger).map(TriggerCatalog.Trigger::code).orElse("ORDER_PLACED");
        return editor(user, null, new RuleDefinition("", code, null, List.of(), List.of(new Action("TASK", "CALL",
                "", null, 24, "ACCOUNT_MANAGER", null, null, null))), null, model);
    }

    @GetMapping("/admin/crm/rules/{id}")
    String edit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        access.requireCrmUser(user);
        Rule rule = rules.require(id);
        model.addAttribute("versions", rules.versions(id));
        model.addAttribute("executions", rules.executions(new ExecutionFilter(id, null, null,
                access.ownerFilter(user)), 20));
        return editor(user, rule, rule.definition(), null, model);
    }

    /** The trigger's fields, swapped into the editor when the trigger changes. */
    @GetMapping("/admin/crm/rules/fields")
    String fields(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String trigger,
            Model model) {
        access.requireCrmUser(user);
        TriggerCatalog.Trigger t = catalog.trigger(trigger).orElseThrow(() -> DomainException.notFound("trigger",
                trigger));
        model.addAttribute("trigger", t);
        model.addAttribute("conditions", padded(List.of(), 3));
        model.addAttribute("mayEdit", Rules.mayEdit(user));
        return "crm/rule-edit :: trigger-fields";
    }

    @PostMapping("/admin/crm/rules")
    String create(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        RuleDefinition definition = read(request);
        try {
            long id = rules.create(user, definition);
            redirect.addFlashAttribute("done", new Notice("crm.rules.done.created", new Object[0]));
            return "redirect:/admin/crm/rules/" + id;
        } catch (DomainException e) {
            if (e.status() != 422) {
                throw e;
            }
            return editor(user, null, definition, new Notice(e.messageKey(), e.arguments()), model);
        }
    }

    @PostMapping("/admin/crm/rules/{id}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable long id, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        RuleDefinition definition = read(request);
        try {
            int version = rules.newVersion(user, id, definition);
            redirect.addFlashAttribute("done", new Notice("crm.rules.done.version", new Object[] {version}));
            return "redirect:/admin/crm/rules/" + id;
        } catch (DomainException e) {
            if (e.status() != 422) {
                throw e;
            }
            Rule rule = rules.require(id);
            model.addAttribute("versions", rules.versions(id));
            model.addAttribute("executions", rules.executions(new ExecutionFilter(id, null, null,
                    access.ownerFilter(user)), 20));
            return editor(user, rule, definition, new Notice(e.messageKey(), e.arguments()), model);
        }
    }

    @GetMapping("/admin/crm/rules/log")
    String log(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long ruleId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String trigger,
            Model model) {
        access.requireCrmUser(user);
        ExecutionFilter filter = new ExecutionFilter(ruleId, outcome, trigger, access.ownerFilter(user));
        model.addAttribute("filter", filter);
        model.addAttribute("executions", rules.executions(filter, 500));
        model.addAttribute("rules", rules.list());
        model.addAttribute("triggers", catalog.all());
        return "crm/rule-log";
    }

    private String editor(PortalUser user, Rule rule, RuleDefinition definition, Notice error, Model model) {
        TriggerCatalog.Trigger trigger = catalog.trigger(definition.trigger())
                .orElse(catalog.trigger("ORDER_PLACED").orElseThrow());
        model.addAttribute("rule", rule);
        model.addAttribute("d", definition);
        model.addAttribute("trigger", trigger);
        model.addAttribute("triggers", catalog.all());
        model.addAttribute("conditions", padded(definition.conditions(), Math.max(3, definition.conditions().size() + 1)));
        List<Action> actions = new ArrayList<>(definition.actions());
        actions.add(new Action("", "CALL", "", "", 24, "ACCOUNT_MANAGER", null, null, null));
        model.addAttribute("actions", actions);
        model.addAttribute("error", error);
        model.addAttribute("mayEdit", Rules.mayEdit(user));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r.side() == Role.Side.SELLER).toList());
        model.addAttribute("stages", jdbc.sql("""
                select p.id, s.id, p.name || ' — ' || s.name from crm.pipeline p
                  join crm.pipeline_stage s on s.pipeline_id = p.id
                 where not p.archived order by p.id, s.position""")
                .query((rs, n) -> new StageOption(rs.getLong(1), rs.getLong(2), rs.getString(3))).list());
        model.addAttribute("activityTypes", List.of("CALL", "MEETING", "EMAIL", "TASK"));
        if (!model.containsAttribute("versions")) {
            model.addAttribute("versions", List.of());
            model.addAttribute("executions", List.of());
        }
        return "crm/rule-edit";
    }

    private static List<Condition> padded(List<Condition> conditions, int rows) {
        List<Condition> all = new ArrayList<>(conditions);
        while (all.size() < rows) {
            all.add(new Condition("", "EQ", ""));
        }
        return all;
    }

    /** The editor's rows: every row sends every input, so the arrays line up. */
    private static RuleDefinition read(HttpServletRequest request) {
        String[] fields = values(request, "cond.field");
        String[] ops = values(request, "cond.op");
        String[] condValues = values(request, "cond.value");
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            conditions.add(new Condition(fields[i], at(ops, i), at(condValues, i)));
        }
        String[] kinds = values(request, "act.kind");
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            String stage = at(values(request, "act.stage"), i);
            Long pipelineId = null;
            Long stageId = null;
            if (stage != null && stage.matches("\\d+:\\d+")) {
                pipelineId = Long.parseLong(stage.substring(0, stage.indexOf(':')));
                stageId = Long.parseLong(stage.substring(stage.indexOf(':') + 1));
            }
            String hours = at(values(request, "act.dueHours"), i);
            Integer dueHours = null;
            if (hours != null && hours.strip().matches("\\d{1,6}")) {
                dueHours = Integer.parseInt(hours.strip());
            }
            actions.add(new Action(kinds[i], at(values(request, "act.activityType"), i),
                    at(values(request, "act.subject"), i), at(values(request, "act.body"), i), dueHours,
                    at(values(request, "act.recipient"), i), blankToNull(at(values(request, "act.role"), i)),
                    pipelineId, stageId));
        }
        String days = request.getParameter("days");
        Integer d = days != null && days.strip().matches("\\d{1,5}") ? Integer.parseInt(days.strip()) : null;
        return new RuleDefinition(request.getParameter("name"), request.getParameter("trigger"), d, conditions,
                actions);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }
}
