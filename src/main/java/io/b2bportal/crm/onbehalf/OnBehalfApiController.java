package io.b2bportal.crm.onbehalf;

import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ordering on a client's behalf over the API: the same checks as the checkout (the legal entity may order, agreement,
 * credit hold and limit, minimum, stock), channel ON_BEHALF, audited with both identities; and what was done on the
 * client's behalf. Same access as the pages: a client someone may not see is 404, one they do not manage 403.
 */
@RestController
@Tag(name = "CRM: order on behalf")
class OnBehalfApiController {

    private final OnBehalf onBehalf;
    private final OrderingApi ordering;

    OnBehalfApiController(OnBehalf onBehalf, OrderingApi ordering) {
        this.onBehalf = onBehalf;
        this.ordering = ordering;
    }

    /** The order to place: a legal entity of the client, lines by SKU, optionally address, date, PO and comment. */
    record OrderBody(Long legalEntityId, List<OrderingApi.OnBehalfLine> lines, Long addressId, LocalDate desiredDate,
            String poNumber, String comment) {
    }

    /** An order placed, as the answer names it. */
    record PlacedOrder(long id, String number, long companyId, long legalEntityId, long placedBy, String channel,
            String status, String currency, BigDecimal gross) {
    }

    record Placed(List<PlacedOrder> orders, boolean replayed) {
    }

    @PostMapping("/api/v1/admin/crm/companies/{companyId}/orders")
    @Operation(summary = "Place an order for a client's legal entity on its behalf (channel ON_BEHALF, audited with "
            + "both identities; Idempotency-Key supported)")
    ResponseEntity<Placed> place(@AuthenticationPrincipal PortalUser staff, @PathVariable long companyId,
            @RequestBody(required = false) OrderBody body,
            @RequestHeader(value = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
        OnBehalf.Client client = onBehalf.requireManaged(staff, companyId);
        if (body == null || body.legalEntityId() == null) {
            throw DomainException.invalid("legal-entity-required", "crm.onbehalf.entity.required");
        }
        if (client.entities().stream().noneMatch(e -> e.id() == body.legalEntityId())) {
            throw DomainException.invalid("legal-entity-not-approved", "crm.onbehalf.entity.invalid");
        }
        OrderingApi.OnBehalfPlaced placed = ordering.placeOnBehalf(staff, new OrderingApi.OnBehalfRequest(
                body.legalEntityId(), body.lines(), body.addressId(), body.desiredDate(), body.poNumber(),
                body.comment()), key, request.getRemoteAddr());
        Placed answer = new Placed(placed.orders().stream().map(o -> new PlacedOrder(o.id(), o.number(),
                o.companyId(), o.legalEntityId(), o.placedBy(), o.channel(), o.status(), o.currency(), o.gross()))
                .toList(), placed.replayed());
        return placed.replayed() ? ResponseEntity.ok(answer)
                : ResponseEntity.created(URI.create("/api/v1/admin/orders/" + answer.orders().getFirst().number()))
                        .body(answer);
    }

    @GetMapping("/api/v1/admin/crm/companies/{companyId}/on-behalf/audit")
    @Operation(summary = "What staff did on the client's behalf, newest first: both identities per entry")
    List<OnBehalf.Entry> audit(@AuthenticationPrincipal PortalUser staff, @PathVariable long companyId) {
        return onBehalf.audit(staff, companyId);
    }
}
