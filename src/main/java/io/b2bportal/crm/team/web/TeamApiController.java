package io.b2bportal.crm.team.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.team.Departments;
import io.b2bportal.crm.team.Reassignments;
import io.b2bportal.crm.team.TeamQueries;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The sales team over the API: departments and their members, managers' workload, bulk reassignment of clients. */
@RestController
@Tag(name = "CRM team", description = "Departments, managers' workload and reassigning clients")
class TeamApiController {

    private final Departments departments;
    private final TeamQueries queries;
    private final Reassignments reassignments;
    private final CrmAccess access;

    TeamApiController(Departments departments, TeamQueries queries, Reassignments reassignments, CrmAccess access) {
        this.departments = departments;
        this.queries = queries;
        this.reassignments = reassignments;
        this.access = access;
    }

    record DepartmentBody(@NotBlank @Size(max = 120) String name, Long headId, Long parentId) {
    }

    record ReassignBody(@NotNull Long fromManagerId, @NotNull Long toManagerId, List<Long> companyIds) {
    }

    @GetMapping("/api/v1/admin/crm/departments")
    @Operation(summary = "Departments with their heads and members")
    List<Departments.Department> list(@AuthenticationPrincipal PortalUser staff) {
        access.requireCrmUser(staff);
        return departments.list();
    }

    @PostMapping("/api/v1/admin/crm/departments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a department (administrators and sales heads)")
    Departments.Department create(@AuthenticationPrincipal PortalUser staff, @Valid @RequestBody DepartmentBody body) {
        long id = departments.create(staff, body.name(), body.headId(), body.parentId());
        return departments.find(id).orElseThrow();
    }

    @PutMapping("/api/v1/admin/crm/departments/{id}")
    @Operation(summary = "Rename a department, change its head or parent (administrators and sales heads)")
    Departments.Department update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody DepartmentBody body) {
        departments.update(staff, id, body.name(), body.headId(), body.parentId());
        return departments.find(id).orElseThrow();
    }

    @GetMapping("/api/v1/admin/crm/departments/{id}/members")
    @Operation(summary = "The members of a department")
    List<Departments.Member> members(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        access.requireCrmUser(staff);
        return departments.find(id).orElseThrow(() -> DomainException.notFound("department", id)).members();
    }

    @PutMapping("/api/v1/admin/crm/departments/{id}/members/{userId}")
    @Operation(summary = "Put a member of staff into a department (out of any other)")
    List<Departments.Member> addMember(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @PathVariable long userId) {
        departments.addMember(staff, id, userId);
        return departments.find(id).orElseThrow().members();
    }

    @DeleteMapping("/api/v1/admin/crm/departments/{id}/members/{userId}")
    @Operation(summary = "Take a member of staff out of a department")
    List<Departments.Member> removeMember(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @PathVariable long userId) {
        departments.removeMember(staff, id, userId);
        return departments.find(id).orElseThrow().members();
    }

    @GetMapping("/api/v1/admin/crm/team")
    @Operation(summary = "Managers with their clients, open and overdue tasks and open deals (a manager: only themselves)")
    List<TeamQueries.ManagerLoad> team(@AuthenticationPrincipal PortalUser staff) {
        return queries.managers(access.ownerFilter(staff));
    }

    @PostMapping("/api/v1/admin/crm/reassignments")
    @Operation(summary = "Move clients (all or the chosen ones) of one manager to another, with their open tasks and deals")
    Reassignments.Result reassign(@AuthenticationPrincipal PortalUser staff, @Valid @RequestBody ReassignBody body) {
        return reassignments.reassign(staff, body.fromManagerId(), body.toManagerId(),
                body.companyIds() == null ? List.of() : body.companyIds());
    }
}
