package io.b2bportal.crm.rules.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.rules.RuleDefinition;
import io.b2bportal.crm.rules.Rules;
import io.b2bportal.crm.rules.Rules.Execution;
import io.b2bportal.crm.rules.Rules.ExecutionFilter;
import io.b2bportal.crm.rules.Rules.Rule;
import io.b2bportal.crm.rules.Rules.Version;
import io.b2bportal.crm.rules.TriggerCatalog;
import io.b2bportal.platform.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rules over the API: everyone in the CRM reads them; administrators and sales heads write them. */
@RestController
@Tag(name = "CRM rules", description = "Automatic tasks: rules, their versions, executions and the trigger catalog")
class RuleApiController {

    private final Rules rules;
    private final TriggerCatalog catalog;
    private final CrmAccess access;

    RuleApiController(Rules rules, TriggerCatalog catalog, CrmAccess access) {
        this.rules = rules;
        this.catalog = catalog;
        this.access = access;
    }

    record RuleWithVersions(Rule rule, List<Version> versions) {
    }

    record TriggerView(String code, String event, boolean scheduled, List<TriggerCatalog.Field> fields) {
    }

    @GetMapping("/api/v1/admin/crm/rules")
    @Operation(summary = "All rules with their current version")
    List<Rule> list(@AuthenticationPrincipal PortalUser user) {
        access.requireCrmUser(user);
        return rules.list();
    }

    @GetMapping("/api/v1/admin/crm/rules/triggers")
    @Operation(summary = "The trigger catalog: code, event class, fields and their types")
    List<TriggerView> triggers(@AuthenticationPrincipal PortalUser user) {
        access.requireCrmUser(user);
        return catalog.all().stream().map(t -> new TriggerView(t.code(),
                t.eventClass() == null ? null : t.eventClass().getSimpleName(), t.scheduled(), t.fields())).toList();
    }

    @GetMapping("/api/v1/admin/crm/rules/executions")
    @Operation(summary = "The execution log, newest first (filters ruleId, outcome SUCCESS|SKIPPED|FAILED, trigger)")
    List<Execution> executions(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long ruleId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String trigger) {
        return rules.executions(new ExecutionFilter(ruleId, outcome, trigger, access.ownerFilter(user)), 500);
    }

    @GetMapping("/api/v1/admin/crm/rules/{id}")
    @Operation(summary = "One rule with all its versions")
    RuleWithVersions get(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        access.requireCrmUser(user);
        return new RuleWithVersions(rules.require(id), rules.versions(id));
    }

    @GetMapping("/api/v1/admin/crm/rules/{id}/executions")
    @Operation(summary = "The executions of one rule, newest first")
    List<Execution> ruleExecutions(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        rules.require(id);
        return rules.executions(new ExecutionFilter(id, null, null, access.ownerFilter(user)), 500);
    }

    @PostMapping("/api/v1/admin/crm/rules")
    @Operation(summary = "Creates a rule (admin, sales head): name, trigger, days (scheduled triggers), conditions "
            + "[{field, op, value}], actions [{kind TASK|MAIL|MOVE_DEAL|NOTIFY, ...}]")
    ResponseEntity<Rule> create(@AuthenticationPrincipal PortalUser user, @RequestBody RuleDefinition definition) {
        long id = rules.create(user, definition);
        return ResponseEntity.created(URI.create("/api/v1/admin/crm/rules/" + id)).body(rules.require(id));
    }

    @PutMapping("/api/v1/admin/crm/rules/{id}")
    @Operation(summary = "Saves an edit as the rule's next version (admin, sales head)")
    Rule update(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody RuleDefinition definition) {
        rules.newVersion(user, id, definition);
        return rules.require(id);
    }

    @PostMapping("/api/v1/admin/crm/rules/{id}/enable")
    @Operation(summary = "Switches a rule on (admin, sales head)")
    Rule enable(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        rules.enable(user, id, true);
        return rules.require(id);
    }

    @PostMapping("/api/v1/admin/crm/rules/{id}/disable")
    @Operation(summary = "Switches a rule off (admin, sales head)")
    Rule disable(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        rules.enable(user, id, false);
        return rules.require(id);
    }
}
