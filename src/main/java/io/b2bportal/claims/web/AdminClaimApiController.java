package io.b2bportal.claims.web;

import io.b2bportal.claims.claim.ClaimAccess;
import io.b2bportal.claims.claim.ClaimQueries;
import io.b2bportal.claims.claim.ClaimQueries.Assignable;
import io.b2bportal.claims.claim.ClaimQueries.ClaimDetail;
import io.b2bportal.claims.claim.ClaimQueries.ClaimSummary;
import io.b2bportal.claims.claim.ClaimQueries.NoteView;
import io.b2bportal.claims.claim.ClaimQueries.QueueFilter;
import io.b2bportal.claims.claim.ClaimStatus;
import io.b2bportal.claims.claim.Claims;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every staff action on claims over the API; the answers carry the internal notes, which only staff ever see. */
@RestController
@Tag(name = "Claims (staff)", description = "The seller's claims queue, decisions, resolutions and internal notes")
class AdminClaimApiController {

    private final Claims claims;
    private final ClaimQueries queries;
    private final ClaimAccess access;
    private final BlobStore blobs;

    AdminClaimApiController(Claims claims, ClaimQueries queries, ClaimAccess access, BlobStore blobs) {
        this.claims = claims;
        this.queries = queries;
        this.access = access;
        this.blobs = blobs;
    }

    /** A claim as staff see it: what the buyer sees, plus the internal notes and whom it may be assigned to. */
    record StaffClaim(ClaimDetail claim, List<NoteView> internalNotes, List<Assignable> assignable) {
    }

    record TextBody(String text) {
    }

    record AcceptedLine(long orderLineId, BigDecimal quantity) {
    }

    record DecisionBody(Claims.Decision decision, String reason, List<AcceptedLine> accepted) {
    }

    record AssignBody(Long assigneeId) {
    }

    record AmountBody(BigDecimal amount) {
    }

    @GetMapping("/api/v1/admin/claims")
    @Operation(summary = "The claims queue: overdue first, then by the deadline that counts (filters status, "
            + "assigneeId, overdue, open)")
    List<ClaimSummary> queue(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) Long assigneeId, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean open) {
        access.requireStaff(user);
        return queries.queue(new QueueFilter(status, assigneeId, overdue, open, access.managerFilter(user)), 1000);
    }

    @GetMapping("/api/v1/admin/claims/{id}")
    @Operation(summary = "One claim with its internal notes")
    StaffClaim claim(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return staffClaim(user, id);
    }

    @PostMapping("/api/v1/admin/claims/{id}/review")
    @Operation(summary = "Take a new claim into review (the seller's response)")
    StaffClaim review(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return act(user, id, () -> claims.review(id, user.id()));
    }

    @PostMapping("/api/v1/admin/claims/{id}/ask-buyer")
    @Operation(summary = "Ask the buyer for something: {\"text\"}; the claim waits for the buyer")
    StaffClaim ask(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody TextBody body) {
        return act(user, id, () -> claims.askBuyer(id, user.id(), body == null ? null : body.text()));
    }

    @PostMapping("/api/v1/admin/claims/{id}/decision")
    @Operation(summary = "Decide: {\"decision\": ACCEPTED | PARTLY_ACCEPTED | REJECTED, \"reason\" (required to "
            + "reject), \"accepted\": [{\"orderLineId\", \"quantity\"}] (partly)}")
    StaffClaim decide(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody DecisionBody body) {
        access.staffClaim(user, id);
        Map<Long, BigDecimal> accepted = new LinkedHashMap<>();
        if (body != null && body.accepted() != null) {
            body.accepted().forEach(a -> accepted.put(a.orderLineId(), a.quantity()));
        }
        claims.decide(id, user.id(), body == null ? null : body.decision(), body == null ? null : body.reason(),
                accepted);
        return staffClaim(user, id);
    }

    @PostMapping("/api/v1/admin/claims/{id}/assign")
    @Operation(summary = "Assign to operations or the customer's account manager: {\"assigneeId\"}")
    StaffClaim assign(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody AssignBody body) {
        long assignee = body == null || body.assigneeId() == null ? -1 : body.assigneeId();
        return act(user, id, () -> claims.assign(id, user.id(), assignee));
    }

    @PostMapping("/api/v1/admin/claims/{id}/notes")
    @Operation(summary = "An internal note, never shown to the buyer: {\"text\"}")
    ResponseEntity<StaffClaim> note(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody TextBody body) {
        String text = body == null ? null : body.text();
        return ResponseEntity.status(201).body(act(user, id, () -> claims.note(id, user.id(), text)));
    }

    @PostMapping(path = "/api/v1/admin/claims/{id}/messages",
            consumes = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A message to the buyer in the thread: {\"text\"}")
    ResponseEntity<StaffClaim> message(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody TextBody body) {
        String text = body == null ? null : body.text();
        return ResponseEntity.status(201).body(act(user, id, () -> claims.message(id, user.id(), true, text,
                List.of())));
    }

    @PostMapping(path = "/api/v1/admin/claims/{id}/messages",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A message to the buyer with files (parts text, files: PDF/JPEG/PNG by content)")
    ResponseEntity<StaffClaim> messageWithFiles(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> files) {
        return ResponseEntity.status(201).body(act(user, id, () -> claims.message(id, user.id(), true, text,
                ClaimForm.uploads("MESSAGE", files))));
    }

    @PostMapping("/api/v1/admin/claims/{id}/replacement")
    @Operation(summary = "Resolve by a replacement order of the accepted quantities at zero price (stock reserved)")
    StaffClaim replacement(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return act(user, id, () -> claims.replacement(id, user.id()));
    }

    @PostMapping("/api/v1/admin/claims/{id}/return")
    @Operation(summary = "Expect the accepted goods back (a return shipment)")
    StaffClaim startReturn(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return act(user, id, () -> claims.startReturn(id, user.id()));
    }

    @PostMapping("/api/v1/admin/claims/{id}/return/received")
    @Operation(summary = "The returned goods arrived: back in stock; resolves a claim not resolved otherwise")
    StaffClaim receiveReturn(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return act(user, id, () -> claims.receiveReturn(id, user.id()));
    }

    @PostMapping("/api/v1/admin/claims/{id}/credit-note")
    @Operation(summary = "Resolve by a credit note of the accepted lines, or of {\"amount\"} (a price reduction)")
    StaffClaim creditNote(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody(required = false) AmountBody body) {
        return act(user, id, () -> claims.creditNote(id, user.id(), body == null ? null : body.amount()));
    }

    @PostMapping("/api/v1/admin/claims/{id}/close")
    @Operation(summary = "Close a resolved or rejected claim; the buyer is asked to rate it")
    StaffClaim close(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return act(user, id, () -> claims.close(id, user.id()));
    }

    @GetMapping("/api/v1/admin/claims/{id}/files/{fileId}")
    @Operation(summary = "A file of the claim or of its thread")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long fileId) {
        access.staffClaim(user, id);
        return ClaimFileResponse.of(queries.file(id, fileId)
                .orElseThrow(() -> DomainException.notFound("claim-file", fileId)), blobs);
    }

    /** A staff action on a claim this person may see, answered with the claim as it is afterwards. */
    private StaffClaim act(PortalUser user, long id, Runnable action) {
        access.staffClaim(user, id);
        action.run();
        return staffClaim(user, id);
    }

    private StaffClaim staffClaim(PortalUser user, long id) {
        ClaimSummary summary = access.staffClaim(user, id);
        return new StaffClaim(queries.detail(id, true).orElseThrow(), queries.notes(id),
                queries.assignable(summary.companyId()));
    }
}
