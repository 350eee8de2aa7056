package io.b2bportal.crm.activity.web;

import io.b2bportal.crm.activity.ActivityDesk;
import io.b2bportal.crm.activity.ActivityDesk.Filter;
import io.b2bportal.crm.activity.ActivityDesk.Input;
import io.b2bportal.crm.activity.ActivityDesk.MyDay;
import io.b2bportal.crm.activity.ActivityDesk.View;
import io.b2bportal.platform.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
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

/** Calls, meetings, mails, tasks and notes over the API, and the manager's day; times in answers are Moscow time. */
@RestController
@Tag(name = "CRM activities", description = "Activities of clients and deals, completing and cancelling them, my day")
class ActivityApiController {

    private final ActivityDesk desk;

    ActivityApiController(ActivityDesk desk) {
        this.desk = desk;
    }

    record Outcome(String outcome) {
    }

    @GetMapping("/api/v1/admin/crm/activities")
    @Operation(summary = "Activities one may see: mine=true only one's own, or by companyId / dealId, status OPEN|DONE|CANCELLED")
    List<View> list(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) Long companyId, @RequestParam(required = false) Long dealId,
            @RequestParam(required = false) String status) {
        return desk.list(user, new Filter(mine, companyId, dealId, status), 500);
    }

    @PostMapping("/api/v1/admin/crm/activities")
    @Operation(summary = "Creates an activity (type CALL|MEETING|EMAIL|TASK|NOTE, subject, optional companyId, dealId, "
            + "leadId, contactId, details, assigneeId, dueAt, remindAt as 2026-11-27T15:00 Moscow time or with an offset)")
    ResponseEntity<View> create(@AuthenticationPrincipal PortalUser user, @RequestBody Input input) {
        long id = desk.create(user, input);
        return ResponseEntity.created(URI.create("/api/v1/admin/crm/activities/" + id)).body(desk.get(user, id));
    }

    @GetMapping("/api/v1/admin/crm/activities/{id}")
    @Operation(summary = "One activity")
    View get(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return desk.get(user, id);
    }

    @PutMapping("/api/v1/admin/crm/activities/{id}")
    @Operation(summary = "Edits an open activity (type, subject, details, assigneeId, dueAt, remindAt)")
    View update(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody Input input) {
        return desk.update(user, id, input);
    }

    @PostMapping("/api/v1/admin/crm/activities/{id}/complete")
    @Operation(summary = "Completes an open activity with its outcome")
    View complete(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody(required = false) Outcome outcome) {
        return desk.complete(user, id, outcome == null ? null : outcome.outcome());
    }

    @PostMapping("/api/v1/admin/crm/activities/{id}/cancel")
    @Operation(summary = "Cancels an open activity")
    View cancel(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return desk.cancel(user, id);
    }

    @GetMapping("/api/v1/admin/crm/my-day")
    @Operation(summary = "The open activities of one's day (heads and admins: userId of anyone in the CRM): overdue, "
            + "today and the next 7 days by the Moscow date")
    MyDay myDay(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long userId) {
        return desk.myDay(user, userId, Instant.now());
    }
}
