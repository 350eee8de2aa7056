package io.b2bportal.claims.web;

import io.b2bportal.claims.claim.ClaimAccess;
import io.b2bportal.claims.claim.ClaimQueries;
import io.b2bportal.claims.claim.ClaimQueries.ClaimDetail;
import io.b2bportal.claims.claim.ClaimQueries.ClaimSummary;
import io.b2bportal.claims.claim.Claims;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The buyer's claims over the API, for the acting legal entity ({@code X-Legal-Entity}): list, open (multipart with
 * photos, files and the acceptance act), detail, thread messages, files and the rating. Internal notes of the seller
 * are not part of any answer here.
 */
@RestController
@Tag(name = "Claims", description = "Claims against shipped orders: defects, shortages, wrong items, and their thread")
class ClaimApiController {

    private final Claims claims;
    private final ClaimQueries queries;
    private final ClaimAccess access;
    private final BlobStore blobs;

    ClaimApiController(Claims claims, ClaimQueries queries, ClaimAccess access, BlobStore blobs) {
        this.claims = claims;
        this.queries = queries;
        this.access = access;
        this.blobs = blobs;
    }

    @GetMapping("/api/v1/claims")
    @Operation(summary = "The acting legal entity's claims, newest first, with status and the deadline that counts")
    List<ClaimSummary> list(@AuthenticationPrincipal PortalUser user) {
        return queries.ofEntity(access.buyerEntity(user));
    }

    @PostMapping(path = "/api/v1/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Open a claim against a shipped order: parts orderId, type, remedy, compensation (with remedy "
            + "COMPENSATION), description, lineNo + quantity (repeated, side by side), photos, files (repeated) and act;"
            + " files are PDF, JPEG or PNG by content, up to 20 MB each. Never more than shipped minus claimed")
    ResponseEntity<ClaimDetail> open(@AuthenticationPrincipal PortalUser user, @RequestParam long orderId,
            @ModelAttribute ClaimForm form) {
        long id = claims.open(access.buyerEntity(user), user.id(), form.toClaim(orderId));
        return ResponseEntity.created(URI.create("/api/v1/claims/" + id))
                .body(queries.detail(id, false).orElseThrow());
    }

    @GetMapping("/api/v1/claims/{id}")
    @Operation(summary = "One claim: lines, files, the thread and the history")
    ClaimDetail claim(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        access.buyerClaim(user, id);
        return queries.detail(id, false).orElseThrow();
    }

    @PostMapping(path = "/api/v1/claims/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A message to the seller with files (parts text, files); shown as typed, always escaped")
    ResponseEntity<ClaimDetail> message(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        access.buyerClaim(user, id);
        claims.message(id, user.id(), false, text, ClaimForm.uploads("MESSAGE", files));
        return ResponseEntity.status(201).body(queries.detail(id, false).orElseThrow());
    }

    @PostMapping(path = "/api/v1/claims/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A message to the seller without files: {\"text\": \"...\"}")
    ResponseEntity<ClaimDetail> messageJson(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody TextBody body) {
        access.buyerClaim(user, id);
        claims.message(id, user.id(), false, body == null ? null : body.text(), List.of());
        return ResponseEntity.status(201).body(queries.detail(id, false).orElseThrow());
    }

    record TextBody(String text) {
    }

    record RatingBody(Integer rating, String comment) {
    }

    @PostMapping("/api/v1/claims/{id}/rating")
    @Operation(summary = "Rate the handling of a closed claim, once: {\"rating\": 1..5, \"comment\": \"...\"}")
    ClaimDetail rate(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody RatingBody body) {
        access.buyerClaim(user, id);
        claims.rate(id, user.id(), body == null || body.rating() == null ? 0 : body.rating(),
                body == null ? null : body.comment());
        return queries.detail(id, false).orElseThrow();
    }

    @GetMapping("/api/v1/claims/{id}/files/{fileId}")
    @Operation(summary = "A file of the claim or of its thread, byte for byte")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long fileId) {
        access.buyerClaim(user, id);
        return ClaimFileResponse.of(queries.file(id, fileId)
                .orElseThrow(() -> DomainException.notFound("claim-file", fileId)), blobs);
    }
}
