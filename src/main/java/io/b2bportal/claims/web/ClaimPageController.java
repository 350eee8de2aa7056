package io.b2bportal.claims.web;

import io.b2bportal.claims.claim.ClaimAccess;
import io.b2bportal.claims.claim.ClaimQueries;
import io.b2bportal.claims.claim.ClaimQueries.ClaimDetail;
import io.b2bportal.claims.claim.ClaimSettings;
import io.b2bportal.claims.claim.ClaimType;
import io.b2bportal.claims.claim.Claims;
import io.b2bportal.claims.claim.Remedy;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.OrderingApi.OrderDocument;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The buyer's claims: the list (with the shipped orders to claim against), the form for a new claim against one
 * order, one claim with its status, deadline, thread and history, and the rating once it is closed.
 */
@Controller
class ClaimPageController {

    private final Claims claims;
    private final ClaimQueries queries;
    private final ClaimAccess access;
    private final OrderingApi ordering;
    private final BlobStore blobs;
    private final ClaimSettings settings;
    private final DataSize maxFileSize;

    ClaimPageController(Claims claims, ClaimQueries queries, ClaimAccess access, OrderingApi ordering,
            BlobStore blobs, ClaimSettings settings, @Value("${portal.blobs.max-size:20MB}") DataSize maxFileSize) {
        this.claims = claims;
        this.queries = queries;
        this.access = access;
        this.ordering = ordering;
        this.blobs = blobs;
        this.settings = settings;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping("/claims")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        long entity = access.buyerEntity(user);
        model.addAttribute("claims", queries.ofEntity(entity));
        model.addAttribute("orders", ordering.shippedOrders(entity, 50));
        return "claims/claims";
    }

    /** A line of the order as the form shows it: shipped, claimed already, what is left to claim. */
    record FormLine(int lineNo, String sku, String name, String nameEn, String unitName, BigDecimal shipped,
            BigDecimal claimed, BigDecimal left) {
    }

    @GetMapping("/claims/new")
    String form(@AuthenticationPrincipal PortalUser user, @RequestParam long order, Model model) {
        long entity = access.buyerEntity(user);
        OrderDocument document = ordering.order(order).filter(o -> o.legalEntityId() == entity)
                .orElseThrow(() -> DomainException.notFound("order", order));
        Map<Long, BigDecimal> claimed = queries.claimed(order);
        model.addAttribute("order", document);
        model.addAttribute("lines", document.lines().stream().map(l -> {
            BigDecimal already = claimed.getOrDefault(l.id(), BigDecimal.ZERO);
            return new FormLine(l.lineNo(), l.sku(), l.name(), l.nameEn(), l.unitName(), l.shipped(), already,
                    l.shipped().subtract(already).max(BigDecimal.ZERO));
        }).toList());
        model.addAttribute("shipped", document.lines().stream().anyMatch(l -> l.shipped().signum() > 0));
        model.addAttribute("types", ClaimType.values());
        model.addAttribute("remedies", Remedy.values());
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ClaimForm.blank());
        }
        return "claims/claim-new";
    }

    @PostMapping("/claims/new/{order}")
    String open(@AuthenticationPrincipal PortalUser user, @PathVariable long order,
            @ModelAttribute("form") ClaimForm form, Model model, RedirectAttributes redirect) {
        long entity = access.buyerEntity(user);
        long id;
        try {
            id = claims.open(entity, user.id(), form.toClaim(order));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            model.addAttribute("refused", Notice.of(e));
            return form(user, order, model);
        }
        redirect.addFlashAttribute("done", Notice.of("claims.done.opened"));
        return "redirect:/claims/" + id;
    }

    @GetMapping("/claims/{id}")
    String claim(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        access.buyerClaim(user, id);
        ClaimDetail detail = queries.detail(id, false).orElseThrow();
        model.addAttribute("d", detail);
        model.addAttribute("c", detail.claim());
        model.addAttribute("staffView", false);
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        model.addAttribute("settings", settings);
        return "claims/claim";
    }

    @PostMapping("/claims/{id}/messages")
    String message(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam(required = false)
            String text, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        access.buyerClaim(user, id);
        try {
            claims.message(id, user.id(), false, text, ClaimForm.uploads("MESSAGE", files));
            redirect.addFlashAttribute("done", Notice.of("claims.done.message"));
        } catch (DomainException e) {
            refused(redirect, e);
            redirect.addFlashAttribute("draft", text);
        }
        return "redirect:/claims/" + id + "#thread";
    }

    @PostMapping("/claims/{id}/rating")
    String rate(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Integer rating, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        access.buyerClaim(user, id);
        try {
            claims.rate(id, user.id(), rating == null ? 0 : rating, comment);
            redirect.addFlashAttribute("done", Notice.of("claims.done.rated"));
        } catch (DomainException e) {
            refused(redirect, e);
        }
        return "redirect:/claims/" + id;
    }

    @GetMapping("/claims/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long fileId) {
        access.buyerClaim(user, id);
        return ClaimFileResponse.of(queries.file(id, fileId)
                .orElseThrow(() -> DomainException.notFound("claim-file", fileId)), blobs);
    }

    /**
     * An upload over the multipart limit never reaches the form handler: back to the form (or the claim) with the
     * limit that counts, as for a file the blob store refuses.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        RequestContextUtils.getOutputFlashMap(request).put("refused",
                Notice.of("upload.too-large", maxFileSize.toMegabytes()));
        if (path != null && path.containsKey("order")) {
            return "redirect:/claims/new?order=" + Long.parseLong(path.get("order"));
        }
        return "redirect:/claims/" + Long.parseLong(path == null ? "0" : path.get("id"));
    }

    static void refused(RedirectAttributes redirect, DomainException e) {
        if (e.status() == 404) {
            throw e;
        }
        redirect.addFlashAttribute("refused", Notice.of(e));
    }
}
