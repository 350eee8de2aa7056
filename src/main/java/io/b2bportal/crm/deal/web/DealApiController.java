package io.b2bportal.crm.deal.web;

import io.b2bportal.crm.CrmAccess;
import io.b2bportal.crm.deal.DealQueries;
import io.b2bportal.crm.deal.DealQueries.DealContact;
import io.b2bportal.crm.deal.DealQueries.DealView;
import io.b2bportal.crm.deal.DealQueries.HistoryEntry;
import io.b2bportal.crm.deal.Deals;
import io.b2bportal.crm.deal.Deals.DealInput;
import io.b2bportal.crm.deal.Pipelines;
import io.b2bportal.crm.deal.Pipelines.Pipeline;
import io.b2bportal.crm.deal.Pipelines.Stage;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
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

/** Deals and pipelines over the API, with the same visibility as the pages. */
@RestController
@Tag(name = "CRM deals", description = "Pipelines with their stages, deals, moving a deal between stages")
class DealApiController {

    private final Deals deals;
    private final DealQueries queries;
    private final Pipelines pipelines;
    private final DealAccess access;
    private final CrmAccess crm;

    DealApiController(Deals deals, DealQueries queries, Pipelines pipelines, DealAccess access, CrmAccess crm) {
        this.deals = deals;
        this.queries = queries;
        this.pipelines = pipelines;
        this.access = access;
        this.crm = crm;
    }

    record DealBody(String title, Long pipelineId, Long stageId, Long companyId, Long leadId, BigDecimal amount,
            String currency, LocalDate expectedClose, Integer probability, String source, Long ownerId,
            Integer version) {

        DealInput input() {
            return new DealInput(title, pipelineId, stageId, companyId, leadId, amount, currency, expectedClose,
                    probability, source, ownerId);
        }
    }

    record MoveBody(Long stageId, Integer version, String lostReason) {
    }

    record DealDetail(DealView deal, List<HistoryEntry> history, List<DealContact> contacts) {
    }

    record PipelineBody(String code, String name) {
    }

    record StageBody(String name, Integer probability, String outcome) {
    }

    record OrderBody(List<Long> stageIds) {
    }

    record PipelineDetail(Pipeline pipeline, List<Stage> stages) {
    }

    @GetMapping("/api/v1/admin/crm/deals")
    @Operation(summary = "Deals someone may see (filters pipelineId, stageId, ownerId, companyId, state OPEN/WON/LOST)")
    List<DealView> list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long stageId, @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long companyId, @RequestParam(required = false) String state) {
        return queries.list(new DealQueries.Filter(pipelineId, stageId, ownerId, companyId,
                state == null ? null : state.toUpperCase()), access.me(user), 1000);
    }

    @PostMapping("/api/v1/admin/crm/deals")
    @Operation(summary = "Creates a deal on its pipeline's first open stage (or stageId)")
    ResponseEntity<DealDetail> create(@AuthenticationPrincipal PortalUser user, @RequestBody DealBody body) {
        long id = deals.create(access.checked(user, body.input(), null), user.id());
        return ResponseEntity.created(URI.create("/api/v1/admin/crm/deals/" + id)).body(detail(user, id));
    }

    @GetMapping("/api/v1/admin/crm/deals/{id}")
    @Operation(summary = "One deal with its stage history and contacts")
    DealDetail get(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return detail(user, id);
    }

    @PutMapping("/api/v1/admin/crm/deals/{id}")
    @Operation(summary = "Updates a deal (not its stage); version is required, a stale one answers 409")
    DealDetail update(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody DealBody body) {
        DealView d = access.deal(user, id);
        if (body.version() == null) {
            throw DomainException.invalid("version-required", "crm.deals.field-required");
        }
        DealInput in = body.input();
        deals.update(id, body.version(), access.checked(user, new DealInput(in.title(), d.pipelineId(), d.stageId(),
                in.companyId(), in.leadId(), in.amount(), in.currency(), in.expectedClose(), in.probability(),
                in.source(), in.ownerId()), d.ownerId()));
        return detail(user, id);
    }

    @PostMapping("/api/v1/admin/crm/deals/{id}/move")
    @Operation(summary = "Moves a deal to a stage of its pipeline: {stageId, version, lostReason}; stale version 409, "
            + "LOST without a reason 422")
    DealDetail move(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody MoveBody body) {
        access.deal(user, id);
        if (body.stageId() == null || body.version() == null) {
            throw DomainException.invalid("move-fields", "crm.deals.field-required");
        }
        deals.move(id, body.stageId(), body.version(), body.lostReason(), user.id());
        return detail(user, id);
    }

    record ContactRole(long contactId, String role) {
    }

    @PutMapping("/api/v1/admin/crm/deals/{id}/contacts")
    @Operation(summary = "Sets the client's people in the deal with their roles: [{contactId, role}]")
    DealDetail contacts(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody List<ContactRole> body) {
        access.deal(user, id);
        java.util.Map<Long, String> roles = new java.util.LinkedHashMap<>();
        body.forEach(c -> roles.put(c.contactId(), c.role()));
        deals.setContacts(id, roles);
        return detail(user, id);
    }

    @GetMapping("/api/v1/admin/crm/pipelines")
    @Operation(summary = "Pipelines with their stages")
    List<PipelineDetail> pipelines(@AuthenticationPrincipal PortalUser user) {
        crm.requireCrmUser(user);
        return pipelines.list().stream().map(p -> new PipelineDetail(p, pipelines.stages(p.id()))).toList();
    }

    @PostMapping("/api/v1/admin/crm/pipelines")
    @Operation(summary = "Creates a pipeline (administrators and sales heads)")
    ResponseEntity<PipelineDetail> createPipeline(@AuthenticationPrincipal PortalUser user,
            @RequestBody PipelineBody body) {
        PipelineAdminController.requireConfigurer(crm, user);
        long id = pipelines.create(body.code(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/admin/crm/pipelines/" + id)).body(pipeline(id));
    }

    @GetMapping("/api/v1/admin/crm/pipelines/{id}/stages")
    @Operation(summary = "The stages of a pipeline, in order")
    List<Stage> stages(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        crm.requireCrmUser(user);
        return pipeline(id).stages();
    }

    @PostMapping("/api/v1/admin/crm/pipelines/{id}/stages")
    @Operation(summary = "Adds a stage (open stages go before the closing ones)")
    PipelineDetail addStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody StageBody body) {
        PipelineAdminController.requireConfigurer(crm, user);
        pipeline(id);
        pipelines.addStage(id, body.name(), body.probability() == null ? 0 : body.probability(), body.outcome());
        return pipeline(id);
    }

    @PutMapping("/api/v1/admin/crm/pipelines/{id}/stages/{stageId}")
    @Operation(summary = "Renames a stage and sets its probability")
    PipelineDetail updateStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long stageId, @RequestBody StageBody body) {
        PipelineAdminController.requireConfigurer(crm, user);
        pipelines.updateStage(id, stageId, body.name(), body.probability() == null ? 0 : body.probability());
        return pipeline(id);
    }

    @PutMapping("/api/v1/admin/crm/pipelines/{id}/stages")
    @Operation(summary = "Sets the order of the stages: {stageIds: [...]}, every stage once")
    PipelineDetail reorder(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody OrderBody body) {
        PipelineAdminController.requireConfigurer(crm, user);
        pipelines.reorder(id, body.stageIds());
        return pipeline(id);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/admin/crm/pipelines/{id}/stages/{stageId}")
    @Operation(summary = "Removes a stage that has never held a deal (409 otherwise)")
    PipelineDetail removeStage(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long stageId) {
        PipelineAdminController.requireConfigurer(crm, user);
        pipelines.removeStage(id, stageId);
        return pipeline(id);
    }

    private PipelineDetail pipeline(long id) {
        Pipeline p = pipelines.byId(id).orElseThrow(() -> DomainException.notFound("pipeline", id));
        return new PipelineDetail(p, pipelines.stages(id));
    }

    private DealDetail detail(PortalUser user, long id) {
        return new DealDetail(access.deal(user, id), queries.history(id), queries.contacts(id));
    }
}
