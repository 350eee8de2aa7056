package io.b2bportal.payments.web;

import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.payments.bank.BankStatements;
import io.b2bportal.payments.bank.StatementView;
import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.payments.payment.ManualPayment;
import io.b2bportal.payments.payment.PaymentFilter;
import io.b2bportal.payments.payment.PaymentSource;
import io.b2bportal.payments.payment.PaymentView;
import io.b2bportal.payments.payment.Payments;
import io.b2bportal.payments.payment.Registrations;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller accountant's payment pages: the list with filters and the register form ({@code /admin/payments}), one
 * payment with allocate and refund ({@code /admin/payments/{id}}), the review of unmatched payments ({@code
 * /admin/payments/review}) and the bank statement import with its history ({@code /admin/payments/bank-statements}).
 * A refusal comes back on the same page as a message, the form as typed.
 */
@Controller
class AdminPaymentsPageController {

    private final Payments payments;
    private final Registrations registrations;
    private final Allocations allocations;
    private final BankStatements statements;
    private final Forms forms;

    AdminPaymentsPageController(Payments payments, Registrations registrations, Allocations allocations,
            BankStatements statements, Forms forms) {
        this.payments = payments;
        this.registrations = registrations;
        this.allocations = allocations;
        this.statements = statements;
        this.forms = forms;
    }

    /** A message to show: key and arguments. */
    record Message(String key, Object[] arguments) {

        static Message of(DomainException e) {
            return new Message(e.messageKey(), e.arguments());
        }
    }

    @GetMapping("/admin/payments")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String state, @RequestParam(required = false) String customer,
            @RequestParam(required = false) PaymentSource source, @RequestParam(defaultValue = "0") int page,
            Model model) {
        PaymentsSecurity.accountant();
        PaymentFilter filter = new PaymentFilter(from, to, state, customer, source, null, page, 50);
        List<PaymentView> found = payments.list(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("payments", found.stream().limit(filter.size()).toList());
        model.addAttribute("hasNext", found.size() > filter.size());
        model.addAttribute("states", List.of("MATCHED", "ADVANCE", "UNMATCHED", "PENDING", "DECLINED"));
        model.addAttribute("sources", PaymentSource.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("receivedOn", BusinessDate.today().toString(),
                    "token", UUID.randomUUID().toString()));
        }
        model.addAttribute("entities", forms.entities());
        return "payments/admin-payments";
    }

    @PostMapping("/admin/payments")
    String register(@RequestParam(required = false) Long entity, @RequestParam(required = false) String amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String invoices,
            @RequestParam(required = false) String docNumber, @RequestParam(required = false) String token,
            RedirectAttributes redirect) {
        PortalUser user = PaymentsSecurity.accountant();
        try {
            Registrations.Registered registered = registrations.register(new ManualPayment(entity,
                    Forms.amount(amount), receivedOn, purpose, forms.invoiceIds(invoices), null, null, docNumber,
                    receivedOn), token, user.id());
            redirect.addFlashAttribute("done", new Message("payments.done.registered",
                    new Object[] {registered.paymentId()}));
            return "redirect:/admin/payments/" + registered.paymentId();
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404 && !"unknown-invoice".equals(e.code())) {
                throw e;
            }
            redirect.addFlashAttribute("error", Message.of(e));
            java.util.Map<String, Object> form = new java.util.HashMap<>();
            form.put("entity", entity);
            form.put("amount", amount);
            form.put("receivedOn", receivedOn == null ? "" : receivedOn.toString());
            form.put("purpose", purpose);
            form.put("invoices", invoices);
            form.put("docNumber", docNumber);
            form.put("token", token);
            redirect.addFlashAttribute("form", form);
            return "redirect:/admin/payments";
        }
    }

    @GetMapping("/admin/payments/{id:\\d+}")
    String payment(@PathVariable long id, Model model) {
        PaymentsSecurity.accountant();
        PaymentView payment = payments.find(id).orElseThrow(() -> DomainException.notFound("payment", id));
        model.addAttribute("payment", payment);
        model.addAttribute("entities", forms.entities());
        model.addAttribute("advance", payment.legalEntityId() == null ? null
                : allocations.advance(payment.legalEntityId()));
        model.addAttribute("openInvoices", payment.legalEntityId() == null ? List.<InvoiceRef>of()
                : forms.openInvoices(payment.legalEntityId()));
        return "payments/admin-payment";
    }

    @PostMapping("/admin/payments/{id:\\d+}/allocate")
    String allocate(@PathVariable long id, @RequestParam(required = false) Long entity,
            @RequestParam(required = false) String invoices, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        PortalUser user = PaymentsSecurity.accountant();
        try {
            registrations.allocate(id, entity, forms.invoiceIds(invoices), user.id());
            redirect.addFlashAttribute("done", new Message("payments.done.allocated", new Object[] {id}));
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404 && !"unknown-invoice".equals(e.code())) {
                throw e;
            }
            redirect.addFlashAttribute("error", Message.of(e));
        }
        return "review".equals(back) ? "redirect:/admin/payments/review" : "redirect:/admin/payments/" + id;
    }

    @PostMapping("/admin/payments/{id:\\d+}/refund")
    String refund(@PathVariable long id, @RequestParam(required = false) String amount, RedirectAttributes redirect) {
        PortalUser user = PaymentsSecurity.accountant();
        try {
            allocations.refund(id, Forms.amount(amount), user.id());
            redirect.addFlashAttribute("done", new Message("payments.done.refunded", new Object[] {id}));
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", Message.of(e));
        }
        return "redirect:/admin/payments/" + id;
    }

    @GetMapping("/admin/payments/review")
    String review(Model model) {
        PaymentsSecurity.accountant();
        model.addAttribute("payments", payments.list(new PaymentFilter(null, null, "UNMATCHED", null, null, null, 0,
                500)));
        model.addAttribute("entities", forms.entities());
        return "payments/review";
    }

    @GetMapping("/admin/payments/bank-statements")
    String statements(Model model) {
        PaymentsSecurity.accountant();
        model.addAttribute("history", statements.history(100));
        model.addAttribute("maxMb", BankStatements.MAX_BYTES / (1024 * 1024));
        return "payments/bank-statements";
    }

    @PostMapping("/admin/payments/bank-statements")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        PortalUser user = PaymentsSecurity.accountant();
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("statement-empty", "payments.statement.empty");
            }
            StatementView view = statements.importFile(file.getOriginalFilename(),
                    AdminPaymentsApiController.read(file), user.id());
            return "redirect:/admin/payments/bank-statements/" + view.id();
        } catch (DomainException e) {
            if (e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", Message.of(e));
            return "redirect:/admin/payments/bank-statements";
        }
    }

    @GetMapping("/admin/payments/bank-statements/{id:\\d+}")
    String statement(@PathVariable long id, Model model) {
        PaymentsSecurity.accountant();
        model.addAttribute("statement", statements.find(id)
                .orElseThrow(() -> DomainException.notFound("bank-statement", id)));
        return "payments/bank-statement";
    }
}
