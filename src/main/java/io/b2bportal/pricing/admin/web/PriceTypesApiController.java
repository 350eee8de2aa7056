package io.b2bportal.pricing.admin.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.GroupPriceTypes;
import io.b2bportal.pricing.admin.GroupPriceTypes.GroupPriceType;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.PriceTypes;
import io.b2bportal.pricing.admin.PriceTypes.AdjustmentKind;
import io.b2bportal.pricing.admin.PriceTypes.Definition;
import io.b2bportal.pricing.admin.PriceTypes.Kind;
import io.b2bportal.pricing.admin.PriceTypes.Rounding;
import io.b2bportal.pricing.admin.PriceTypes.View;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Price types and the price type of each customer group, for staff and the seller's ERP. */
@RestController
@Tag(name = "Admin: pricing")
class PriceTypesApiController {

    private final PriceTypes types;
    private final GroupPriceTypes groups;
    private final PricingAdminAccess access;
    private final PricingProblems problems;

    PriceTypesApiController(PriceTypes types, GroupPriceTypes groups, PricingAdminAccess access,
            PricingProblems problems) {
        this.types = types;
        this.groups = groups;
        this.access = access;
        this.problems = problems;
    }

    /**
     * A price type: LIST (priceList) or DERIVED (parent, adjustmentKind PERCENT or AMOUNT, adjustment: -15 is 15 %
     * or 15.00 below the parent, rounding KOPECK, ROUBLE, TEN_ROUBLES or NINETY).
     */
    record TypeBody(String code, String name, String nameEn, Kind kind, String priceList, String parent,
            AdjustmentKind adjustmentKind, @JsonDeserialize(using = JsonNumber.class) BigDecimal adjustment,
            Rounding rounding) {

        Definition definition(String fixedCode) {
            return new Definition(fixedCode == null ? code : fixedCode, name, nameEn, kind, priceList, parent,
                    adjustmentKind, adjustment, rounding);
        }
    }

    record GroupBody(String priceType) {
    }

    @GetMapping("/api/v1/admin/pricing/price-types")
    @Operation(summary = "Price types with their chain down to a price list and what uses each")
    List<View> list(@AuthenticationPrincipal PortalUser staff) {
        access.requireStaff(staff);
        return types.list();
    }

    @GetMapping("/api/v1/admin/pricing/price-types/{code}")
    @Operation(summary = "One price type")
    View one(@AuthenticationPrincipal PortalUser staff, @PathVariable String code) {
        access.requireStaff(staff);
        return types.require(code);
    }

    @PostMapping("/api/v1/admin/pricing/price-types")
    @Operation(summary = "Create a price type; a derived type whose chain leads back to itself is refused")
    ResponseEntity<View> create(@AuthenticationPrincipal PortalUser staff, @RequestBody TypeBody body) {
        View created = types.create(staff, body.definition(null));
        return ResponseEntity.created(URI.create("/api/v1/admin/pricing/price-types/" + created.code())).body(created);
    }

    @PutMapping("/api/v1/admin/pricing/price-types/{code}")
    @Operation(summary = "Replace a price type's definition (the code stays; base stays a price list)")
    View update(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, @RequestBody TypeBody body) {
        return types.update(staff, code, body.definition(code));
    }

    @DeleteMapping("/api/v1/admin/pricing/price-types/{code}")
    @Operation(summary = "Delete a price type nothing uses (no derived type, customer group or contract); never base")
    ResponseEntity<Void> delete(@AuthenticationPrincipal PortalUser staff, @PathVariable String code) {
        types.delete(staff, code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/admin/pricing/group-price-types")
    @Operation(summary = "Every customer group with its price type (null: the base)")
    List<GroupPriceType> groups(@AuthenticationPrincipal PortalUser staff) {
        access.requireStaff(staff);
        return groups.list();
    }

    @PutMapping("/api/v1/admin/pricing/group-price-types/{groupId}")
    @Operation(summary = "Set a customer group's price type; priceType null returns the group to the base")
    GroupPriceType assign(@AuthenticationPrincipal PortalUser staff, @PathVariable long groupId,
            @RequestBody GroupBody body) {
        return groups.assign(staff, groupId, body.priceType());
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
