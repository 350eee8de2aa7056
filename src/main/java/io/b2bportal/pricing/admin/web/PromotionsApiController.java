package io.b2bportal.pricing.admin.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.b2bportal.pricing.admin.Promotions;
import io.b2bportal.pricing.admin.Promotions.Definition;
import io.b2bportal.pricing.admin.Promotions.Effect;
import io.b2bportal.pricing.admin.Promotions.Status;
import io.b2bportal.pricing.admin.Promotions.Target;
import io.b2bportal.pricing.admin.Promotions.View;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Promotions for staff and the seller's ERP; times are ISO-8601 with an offset. */
@RestController
@Tag(name = "Admin: pricing")
class PromotionsApiController {

    private final Promotions promotions;
    private final PricingAdminAccess access;
    private final PricingProblems problems;

    PromotionsApiController(Promotions promotions, PricingAdminAccess access, PricingProblems problems) {
        this.promotions = promotions;
        this.access = access;
        this.problems = problems;
    }

    /**
     * A promotion. target EVERYONE, GROUPS (groupIds) or COMPANIES (companyIds); scope: skus, categories (codes, with
     * their subcategories), brands (at least one of them); effect PERCENT_OFF (value ≤ 100), AMOUNT_OFF (a unit) or
     * SPECIAL_PRICE (the unit price).
     */
    record PromotionBody(String name, String nameEn, OffsetDateTime startsAt, OffsetDateTime endsAt, Target target,
            List<Long> groupIds, List<Long> companyIds, List<String> skus, List<String> categories, List<String> brands,
            Effect effect, @JsonDeserialize(using = JsonNumber.class) BigDecimal value,
            @JsonDeserialize(using = JsonNumber.class) BigDecimal minLineQty,
            @JsonDeserialize(using = JsonNumber.class) BigDecimal minOrderAmount, Integer priority,
            Boolean stacksWithContract, Boolean active) {

        Definition definition() {
            return new Definition(name, nameEn, startsAt, endsAt, target, groupIds, companyIds, skus, categories,
                    brands, effect, value, minLineQty, minOrderAmount, priority, stacksWithContract, active);
        }
    }

    @GetMapping("/api/v1/admin/pricing/promotions")
    @Operation(summary = "Promotions, running first; status filters (RUNNING, SCHEDULED, ENDED, INACTIVE)")
    List<View> list(@AuthenticationPrincipal PortalUser staff, @RequestParam(required = false) Status status) {
        access.requireStaff(staff);
        return promotions.list().stream().filter(p -> status == null || p.status() == status).toList();
    }

    @GetMapping("/api/v1/admin/pricing/promotions/calendar")
    @Operation(summary = "Promotions whose window overlaps [from, to) (dates, seller's time zone), by start")
    List<View> calendar(@AuthenticationPrincipal PortalUser staff,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.requireStaff(staff);
        if (!to.isAfter(from) || to.isAfter(from.plusYears(2))) {
            throw DomainException.invalid("calendar-range", "pricing.admin.promotion.calendar-range");
        }
        return promotions.overlapping(from.atStartOfDay(PromotionForm.SELLER_ZONE).toOffsetDateTime(),
                to.atStartOfDay(PromotionForm.SELLER_ZONE).toOffsetDateTime());
    }

    @GetMapping("/api/v1/admin/pricing/promotions/{id}")
    @Operation(summary = "One promotion")
    View one(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        access.requireStaff(staff);
        return promotions.require(id);
    }

    @PostMapping("/api/v1/admin/pricing/promotions")
    @Operation(summary = "Create a promotion")
    ResponseEntity<View> create(@AuthenticationPrincipal PortalUser staff, @RequestBody PromotionBody body) {
        View created = promotions.create(staff, body.definition());
        return ResponseEntity.created(URI.create("/api/v1/admin/pricing/promotions/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/admin/pricing/promotions/{id}")
    @Operation(summary = "Replace a promotion")
    View update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, @RequestBody PromotionBody body) {
        return promotions.update(staff, id, body.definition());
    }

    @DeleteMapping("/api/v1/admin/pricing/promotions/{id}")
    @Operation(summary = "Delete a promotion (to stop one but keep it, set active to false)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal PortalUser staff, @PathVariable long id) {
        promotions.delete(staff, id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidPricingInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPricingInput e, HttpServletRequest request) {
        return problems.invalid(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problems.unreadable(e, request);
    }
}
