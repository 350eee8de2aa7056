package io.b2bportal.pricing.admin.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.PriceLists;
import io.b2bportal.pricing.admin.PriceLists.Adjustment;
import io.b2bportal.pricing.admin.PriceLists.Header;
import io.b2bportal.pricing.admin.PriceLists.PricePage;
import io.b2bportal.pricing.admin.PriceLists.ProductPrices;
import io.b2bportal.pricing.admin.PriceLists.Summary;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.b2bportal.pricing.admin.Tier;
import io.b2bportal.shared.DomainException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Price lists and their prices for staff and the seller's ERP; numbers are JSON numbers. */
@RestController
@RequestMapping("/api/v1/admin/pricing/price-lists")
@Tag(name = "Admin: pricing", description = "Price lists, price types, contract prices, promotions (seller staff)")
class PriceListsApiController {

    private final PriceLists priceLists;
    private final PricingAdminAccess access;
    private final PricingProblems problems;

    PriceListsApiController(PriceLists priceLists, PricingAdminAccess access, PricingProblems problems) {
        this.priceLists = priceLists;
        this.access = access;
        this.problems = problems;
    }

    record TierBody(@JsonDeserialize(using = JsonNumber.class) BigDecimal minQty,
            @JsonDeserialize(using = JsonNumber.class) BigDecimal amount) {
    }

    record PricesBody(String sku, List<TierBody> tiers) {
    }

    record AdjustmentBody(@JsonDeserialize(using = JsonNumber.class) BigDecimal percent, String category,
            String brand) {
    }

    record AdjustmentResult(int changed) {
    }

    @GetMapping
    @Operation(summary = "Price lists with the number of products and prices in each")
    List<Summary> list(@AuthenticationPrincipal PortalUser staff) {
        access.requireStaff(staff);
        return priceLists.list();
    }

    @PostMapping
    @Operation(summary = "Create a price list: code (a-z, 0-9, dashes), name, currency, includesVat")
    ResponseEntity<Summary> create(@AuthenticationPrincipal PortalUser staff, @RequestBody Header header) {
        Summary created = priceLists.create(staff, header);
        return ResponseEntity.created(URI.create("/api/v1/admin/pricing/price-lists/" + created.code())).body(created);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One price list")
    Summary one(@AuthenticationPrincipal PortalUser staff, @PathVariable String code) {
        access.requireStaff(staff);
        return priceLists.require(code);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a price list's name, currency or VAT basis (the code stays)")
    Summary update(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, @RequestBody Header header) {
        return priceLists.update(staff, code, header);
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Delete a price list and its prices; refused for base and for a list a price type uses")
    ResponseEntity<Void> delete(@AuthenticationPrincipal PortalUser staff, @PathVariable String code) {
        priceLists.delete(staff, code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{code}/prices")
    @Operation(summary = "A page of the list's products with their tiers, by SKU; q: start of a SKU or part of a name")
    PricePage prices(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        access.requireStaff(staff);
        if (page < 0 || size < 1 || size > 1000) {
            throw DomainException.invalid("paging", "pricing.admin.paging", 1000);
        }
        return priceLists.prices(code, q, page, size);
    }

    @PutMapping("/{code}/prices")
    @Operation(summary = "Set one product's prices in the list: every tier (minQty, amount), replacing the old ones")
    ProductPrices setPrices(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @RequestBody PricesBody body) {
        access.requireRuleEditor(staff);
        priceLists.require(code);
        long product = product(body.sku());
        List<Tier> tiers = body.tiers() == null ? List.of()
                : body.tiers().stream().map(t -> t == null ? null : new Tier(t.minQty(), t.amount())).toList();
        return priceLists.setPrices(staff, code, product, tiers);
    }

    @DeleteMapping("/{code}/prices")
    @Operation(summary = "Take a product (all its tiers) out of the list")
    ResponseEntity<Void> removePrices(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @RequestParam String sku) {
        access.requireRuleEditor(staff);
        priceLists.removeProduct(staff, code, product(sku));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/adjustments")
    @Operation(summary = "Change every price of the list (or of a category subtree or a brand) by a percentage, "
            + "rounded to kopecks, in one transaction; returns how many prices changed")
    AdjustmentResult adjust(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @RequestBody AdjustmentBody body) {
        return new AdjustmentResult(priceLists.adjust(staff, code,
                new Adjustment(body.percent(), body.category(), body.brand())));
    }

    private long product(String sku) {
        if (sku == null || sku.isBlank()) {
            throw InvalidPricingInput.of("sku", "pricing.admin.required");
        }
        return priceLists.productId(sku).orElseThrow(() ->
                InvalidPricingInput.of("sku", "pricing.admin.unknown-sku", sku.strip()));
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
