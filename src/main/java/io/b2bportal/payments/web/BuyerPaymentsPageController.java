package io.b2bportal.payments.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.payments.online.OnlinePayments;
import io.b2bportal.payments.online.SandboxProvider;
import io.b2bportal.payments.payment.PaymentView;
import io.b2bportal.payments.payment.Payments;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buyer's side: their legal entity's payments ({@code /payments}), one payment ({@code /payments/{id}}, where
 * the provider returns the payer), "Pay online" for an open invoice ({@code /payments/pay?invoice={id}}, linked from
 * the invoice's page), and the sandbox provider's payer page ({@code /sandbox/pay/{token}}).
 */
@Controller
class BuyerPaymentsPageController {

    private final Payments payments;
    private final OnlinePayments online;
    private final DocumentsApi documents;
    private final LegalEntityContext context;
    private final SandboxProvider sandbox;

    BuyerPaymentsPageController(Payments payments, OnlinePayments online, DocumentsApi documents,
            LegalEntityContext context, SandboxProvider sandbox) {
        this.payments = payments;
        this.online = online;
        this.documents = documents;
        this.context = context;
        this.sandbox = sandbox;
    }

    @GetMapping("/payments")
    String list(Model model) {
        LegalEntityRef entity = context.require();
        model.addAttribute("entity", entity);
        model.addAttribute("payments", payments.ofEntities(List.of(entity.id())));
        model.addAttribute("invoices", documents.openInvoices(entity.id()));
        return "payments/buyer-payments";
    }

    @GetMapping("/payments/{id:\\d+}")
    String payment(@PathVariable long id, Model model) {
        LegalEntityRef entity = context.require();
        PaymentView payment = mine(id, entity);
        if ("PENDING".equals(payment.status().name())) {
            online.refresh(id);
            payment = mine(id, entity);
        }
        model.addAttribute("payment", payment);
        model.addAttribute("invoice", payment.invoiceId() == null ? null
                : documents.invoice(payment.invoiceId()).orElse(null));
        return "payments/buyer-payment";
    }

    @GetMapping("/payments/pay")
    String pay(@RequestParam long invoice, Model model) {
        LegalEntityRef entity = context.require();
        InvoiceRef ref = invoice(invoice, entity);
        model.addAttribute("invoice", ref);
        return "payments/pay";
    }

    @PostMapping("/payments/pay")
    String startPaying(@RequestParam long invoice) {
        LegalEntityRef entity = context.require();
        PortalUser user = PortalUser.current().filter(u -> !u.isStaff())
                .orElseThrow(() -> DomainException.notFound("payments", "staff"));
        OnlinePayments.Started started = online.start(invoice(invoice, entity).id(), List.of(entity.id()), user.id(),
                PaymentsApiController.baseUrl());
        return "redirect:" + started.redirectUrl();
    }

    // ------------------------------------------------------------------ the sandbox provider's own page

    @GetMapping("/sandbox/pay/{token}")
    String sandboxPage(@PathVariable String token, Model model) {
        model.addAttribute("sandbox", sandbox.page(token)
                .orElseThrow(() -> DomainException.notFound("sandbox-payment", token)));
        return "payments/sandbox";
    }

    @PostMapping("/sandbox/pay/{token}")
    String sandboxAct(@PathVariable String token, @RequestParam String action) {
        sandbox.page(token).orElseThrow(() -> DomainException.notFound("sandbox-payment", token));
        Optional<String> back = sandbox.act(token, action);
        return "redirect:" + back.orElse("/sandbox/pay/" + token);
    }

    private PaymentView mine(long id, LegalEntityRef entity) {
        return payments.find(id).filter(p -> p.legalEntityId() != null && p.legalEntityId() == entity.id())
                .orElseThrow(() -> DomainException.notFound("payment", id));
    }

    private InvoiceRef invoice(long id, LegalEntityRef entity) {
        return documents.invoice(id).filter(i -> i.legalEntityId() == entity.id())
                .orElseThrow(() -> DomainException.notFound("invoice", id));
    }
}
