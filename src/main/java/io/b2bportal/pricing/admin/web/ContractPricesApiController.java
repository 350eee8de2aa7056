package io.b2bportal.pricing.admin.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.ContractPrices;
import io.b2bportal.pricing.admin.ContractPrices.Agreed;
import io.b2bportal.pricing.admin.ContractPrices.ContractPrice;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Contract prices of a legal entity. Staff see those of the customers they may see; administrators, sales heads and
 * the customer's account manager change them.
 */
@RestController
@Tag(name = "Admin: pricing")
class ContractPricesApiController {

    private final ContractPrices prices;
    private final PricingProblems problems;

    ContractPricesApiController(ContractPrices prices, PricingProblems problems) {
        this.prices = prices;
        this.problems = problems;
    }

    record PriceBody(String sku, @JsonDeserialize(using = JsonNumber.class) BigDecimal amount, String currency,
            Boolean includesVat) {
    }

    @GetMapping("/api/v1/admin/pricing/contract-prices")
    @Operation(summary = "The contract prices of a legal entity, by SKU")
    List<ContractPrice> list(@AuthenticationPrincipal PortalUser staff, @RequestParam long legalEntityId) {
        return prices.of(staff, legalEntityId);
    }

    @PutMapping("/api/v1/admin/pricing/contract-prices/{legalEntityId}")
    @Operation(summary = "Create or replace the contract price of one SKU (currency defaults to RUB, includesVat to true)")
    ContractPrice save(@AuthenticationPrincipal PortalUser staff, @PathVariable long legalEntityId,
            @RequestBody PriceBody body) {
        return prices.save(staff, legalEntityId, new Agreed(body.sku(), body.amount(), body.currency(),
                body.includesVat()));
    }

    @DeleteMapping("/api/v1/admin/pricing/contract-prices/{legalEntityId}")
    @Operation(summary = "Remove the contract price of one SKU")
    ResponseEntity<Void> remove(@AuthenticationPrincipal PortalUser staff, @PathVariable long legalEntityId,
            @RequestParam String sku) {
        long product = prices.productId(sku).orElseThrow(() ->
                InvalidPricingInput.of("sku", "pricing.admin.unknown-sku", sku));
        prices.remove(staff, legalEntityId, product);
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
