package io.b2bportal.payments.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.payments.online.OnlinePayments;
import io.b2bportal.payments.online.PaymentProvider;
import io.b2bportal.payments.payment.PaymentView;
import io.b2bportal.payments.payment.Payments;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The buyer's payments over the API (those of the legal entity the caller acts for (X-Legal-Entity); any other is not found), online
 * payment of an invoice, and the providers' webhooks.
 */
@RestController
@Tag(name = "Payments", description = "The buyer's payments; pay an invoice online; provider webhooks")
class PaymentsApiController {

    private final Payments payments;
    private final OnlinePayments online;
    private final LegalEntityContext context;

    PaymentsApiController(Payments payments, OnlinePayments online, LegalEntityContext context) {
        this.payments = payments;
        this.online = online;
        this.context = context;
    }

    record PayBody(Long invoiceId) {
    }

    @GetMapping("/api/v1/payments")
    @Operation(summary = "Payments of the legal entity the caller acts for (X-Legal-Entity), newest first")
    List<PaymentView> list() {
        return payments.ofEntities(entities());
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "One payment (404 unless it is of the legal entity the caller acts for)")
    PaymentView get(@PathVariable long id) {
        List<Long> mine = entities();
        PaymentView payment = payments.find(id).filter(p -> p.legalEntityId() != null
                && mine.contains(p.legalEntityId())).orElseThrow(() -> DomainException.notFound("payment", id));
        if ("PENDING".equals(payment.status().name())) {
            online.refresh(id);
            return payments.find(id).orElseThrow();
        }
        return payment;
    }

    @PostMapping("/api/v1/payments")
    @Operation(summary = "Pay an open invoice online: {invoiceId} → {paymentId, redirectUrl} (send the payer there)")
    ResponseEntity<OnlinePayments.Started> pay(@RequestBody PayBody body, HttpServletRequest request) {
        PortalUser user = PortalUser.current().filter(u -> !u.isStaff())
                .orElseThrow(() -> DomainException.notFound("payments", "staff"));
        if (body == null || body.invoiceId() == null) {
            throw DomainException.invalid("invoice-required", "payments.refused.invoice-required");
        }
        OnlinePayments.Started started = online.start(body.invoiceId(), entities(), user.id(), baseUrl());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + started.paymentId())).body(started);
    }

    @PostMapping("/api/v1/payments/webhook/{provider}")
    @Operation(summary = "A payment provider's callback (signed; see the provider). A replay changes nothing.")
    ResponseEntity<?> webhook(@PathVariable String provider, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        Collections.list(request.getHeaderNames()).forEach(h -> headers.put(h, request.getHeader(h)));
        try {
            OnlinePayments.Result result = online.callback(provider, body == null ? new byte[0] : body, headers);
            return ResponseEntity.ok(Map.of("result", result.name()));
        } catch (PaymentProvider.ForgedCallbackException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The callback is not the provider's: " + e.getMessage());
            problem.setType(URI.create("https://b2bportal.io/problems/forged-callback"));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
    }

    /** The legal entity the caller acts for now (X-Legal-Entity, else the session's or default one). */
    private List<Long> entities() {
        return List.of(context.require().id());
    }

    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
