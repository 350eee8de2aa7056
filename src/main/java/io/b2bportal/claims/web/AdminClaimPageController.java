package io.b2bportal.claims.web;

import io.b2bportal.claims.claim.ClaimAccess;
import io.b2bportal.claims.claim.ClaimQueries;
import io.b2bportal.claims.claim.ClaimQueries.ClaimDetail;
import io.b2bportal.claims.claim.ClaimQueries.QueueFilter;
import io.b2bportal.claims.claim.ClaimSettings;
import io.b2bportal.claims.claim.ClaimStatus;
import io.b2bportal.claims.claim.Claims;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
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
 * The seller's claims: the queue with its SLA (overdue first and highlighted; htmx swaps the table when a filter
 * changes) and one claim with everything staff do to it: review, ask the buyer, decide, assign, note internally,
 * write in the thread, resolve (replacement, return, credit note) and close.
 */
@Controller
class AdminClaimPageController {

    private final Claims claims;
    private final ClaimQueries queries;
    private final ClaimAccess access;
    private final BlobStore blobs;
    private final ClaimSettings settings;

    AdminClaimPageController(Claims claims, ClaimQueries queries, ClaimAccess access, BlobStore blobs,
            ClaimSettings settings) {
        this.claims = claims;
        this.queries = queries;
        this.access = access;
        this.blobs = blobs;
        this.settings = settings;
    }

    @GetMapping("/admin/claims")
    String queue(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) Long assignee, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "true") boolean open,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        access.requireStaff(user);
        QueueFilter filter = new QueueFilter(status, assignee, overdue, open && status == null,
                access.managerFilter(user));
        model.addAttribute("claims", queries.queue(filter, 500));
        model.addAttribute("filter", filter);
        model.addAttribute("open", open);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("assignees", queries.assignable(-1));
        model.addAttribute("settings", settings);
        return htmx != null ? "claims/admin-claims :: queue" : "claims/admin-claims";
    }

    @GetMapping("/admin/claims/{id}")
    String claim(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        access.staffClaim(user, id);
        ClaimDetail detail = queries.detail(id, true).orElseThrow();
        model.addAttribute("d", detail);
        model.addAttribute("c", detail.claim());
        model.addAttribute("notes", queries.notes(id));
        model.addAttribute("assignable", queries.assignable(detail.claim().companyId()));
        model.addAttribute("staffView", true);
        model.addAttribute("settings", settings);
        return "claims/admin-claim";
    }

    @PostMapping("/admin/claims/{id}/review")
    String review(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.review(id, user.id());
            return Notice.of("claims.done.status");
        });
    }

    @PostMapping("/admin/claims/{id}/ask")
    String ask(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.askBuyer(id, user.id(), text);
            return Notice.of("claims.done.asked");
        });
    }

    @PostMapping("/admin/claims/{id}/decision")
    String decide(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Claims.Decision decision, @RequestParam(required = false) String reason,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.decide(id, user.id(), decision, reason, accepted(params));
            return Notice.of("claims.done.status");
        });
    }

    @PostMapping("/admin/claims/{id}/assign")
    String assign(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Long assignee, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.assign(id, user.id(), assignee == null ? -1 : assignee);
            return Notice.of("claims.done.assigned");
        });
    }

    @PostMapping("/admin/claims/{id}/notes")
    String note(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.note(id, user.id(), text);
            return Notice.of("claims.done.note");
        });
    }

    @PostMapping("/admin/claims/{id}/messages")
    String message(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> files,
            RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.message(id, user.id(), true, text, ClaimForm.uploads("MESSAGE", files));
            return Notice.of("claims.done.message");
        });
    }

    @PostMapping("/admin/claims/{id}/replacement")
    String replacement(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> Notice.of("claims.done.replacement", claims.replacement(id, user.id())));
    }

    @PostMapping("/admin/claims/{id}/return")
    String startReturn(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.startReturn(id, user.id());
            return Notice.of("claims.done.return");
        });
    }

    @PostMapping("/admin/claims/{id}/return/received")
    String receiveReturn(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.receiveReturn(id, user.id());
            return Notice.of("claims.done.return-received");
        });
    }

    @PostMapping("/admin/claims/{id}/credit-note")
    String creditNote(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) BigDecimal amount, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> Notice.of("claims.done.credit-note", claims.creditNote(id, user.id(),
                amount)));
    }

    @PostMapping("/admin/claims/{id}/close")
    String close(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(user, id, redirect, () -> {
            claims.close(id, user.id());
            return Notice.of("claims.done.status");
        });
    }

    @GetMapping("/admin/claims/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long fileId) {
        access.staffClaim(user, id);
        return ClaimFileResponse.of(queries.file(id, fileId)
                .orElseThrow(() -> DomainException.notFound("claim-file", fileId)), blobs);
    }

    private String act(PortalUser user, long id, RedirectAttributes redirect, Supplier<Notice> action) {
        access.staffClaim(user, id);
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (DomainException e) {
            ClaimPageController.refused(redirect, e);
        }
        return "redirect:/admin/claims/" + id;
    }

    /** {@code accepted-<orderLineId>} fields of the decision form. */
    static Map<Long, BigDecimal> accepted(Map<String, String> params) {
        Map<Long, BigDecimal> accepted = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("accepted-") && value != null && !value.isBlank()) {
                try {
                    accepted.put(Long.parseLong(name.substring("accepted-".length())),
                            new BigDecimal(value.strip().replace(',', '.')));
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("bad-accepted", "claims.refused.accepted-number", value);
                }
            }
        });
        return accepted;
    }
}
