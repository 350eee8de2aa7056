package io.b2bportal.payments.web;

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
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Payments and bank statements for the seller's accountants, over the API: the same rules as the pages. */
@RestController
@Tag(name = "Payments (staff)", description = "Register payments, allocate and refund advances, import 1C bank "
        + "statements")
class AdminPaymentsApiController {

    private final Payments payments;
    private final Registrations registrations;
    private final Allocations allocations;
    private final BankStatements statements;

    AdminPaymentsApiController(Payments payments, Registrations registrations, Allocations allocations,
            BankStatements statements) {
        this.payments = payments;
        this.registrations = registrations;
        this.allocations = allocations;
        this.statements = statements;
    }

    record PaymentPage(List<PaymentView> payments, int page, int size, boolean hasNext) {
    }

    record RegisterBody(Long legalEntityId, BigDecimal amount, LocalDate receivedOn, String purpose,
            List<Long> invoiceIds, String payerInn, String payerName, String bankDocNumber, LocalDate bankDocDate) {
    }

    record AllocateBody(Long legalEntityId, List<Long> invoiceIds) {
    }

    record RefundBody(BigDecimal amount) {
    }

    @GetMapping("/api/v1/admin/payments")
    @Operation(summary = "Payments, newest first: from/to (received), state (MATCHED, ADVANCE, UNMATCHED, PENDING, "
            + "DECLINED), customer (company, legal entity, payer name or INN, part of), source, page, size")
    PaymentPage list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String state, @RequestParam(required = false) String customer,
            @RequestParam(required = false) PaymentSource source, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PaymentsSecurity.accountant();
        PaymentFilter filter = new PaymentFilter(from, to, state, customer, source, null, page, size);
        List<PaymentView> found = payments.list(filter);
        return new PaymentPage(found.stream().limit(filter.size()).toList(), filter.page(), filter.size(),
                found.size() > filter.size());
    }

    @GetMapping("/api/v1/admin/payments/{id}")
    @Operation(summary = "A payment with what it paid")
    PaymentView get(@PathVariable long id) {
        PaymentsSecurity.accountant();
        return payments.find(id).orElseThrow(() -> DomainException.notFound("payment", id));
    }

    @PostMapping("/api/v1/admin/payments")
    @Operation(summary = "Register a payment received by bank transfer: it pays the invoices named, in order, each up "
            + "to what is left to pay; the rest is the legal entity's advance. An Idempotency-Key makes a retry safe.")
    ResponseEntity<PaymentView> register(@RequestBody RegisterBody body,
            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        PortalUser user = PaymentsSecurity.accountant();
        if (body == null) {
            throw DomainException.invalid("legal-entity-required", "payments.refused.entity");
        }
        Registrations.Registered registered = registrations.register(new ManualPayment(body.legalEntityId(),
                body.amount(), body.receivedOn(), body.purpose(), body.invoiceIds(), body.payerInn(),
                body.payerName(), body.bankDocNumber(), body.bankDocDate()), key, user.id());
        PaymentView view = payments.find(registered.paymentId()).orElseThrow();
        return registered.replayed() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/v1/admin/payments/" + view.id())).body(view);
    }

    @PostMapping("/api/v1/admin/payments/{id}/allocate")
    @Operation(summary = "An unmatched payment: whose it is (legalEntityId) and which invoices it pays (none: the "
            + "oldest open first). A posted payment: which invoices its advance pays now.")
    PaymentView allocate(@PathVariable long id, @RequestBody AllocateBody body) {
        PortalUser user = PaymentsSecurity.accountant();
        registrations.allocate(id, body == null ? null : body.legalEntityId(),
                body == null ? List.of() : body.invoiceIds(), user.id());
        return get(id);
    }

    @PostMapping("/api/v1/admin/payments/{id}/refund")
    @Operation(summary = "Pay back part of a payment that is still an advance")
    PaymentView refund(@PathVariable long id, @RequestBody RefundBody body) {
        PortalUser user = PaymentsSecurity.accountant();
        allocations.refund(id, body == null ? null : body.amount(), user.id());
        return get(id);
    }

    @PostMapping("/api/v1/admin/bank-statements")
    @Operation(summary = "Import a 1C client-bank exchange file (multipart, part \"file\", Windows-1251): each "
            + "incoming payment to the seller's account is matched and posted or left for review; the result per "
            + "document. A refused file (encoding, format, size) is 422/413 with nothing imported.")
    ResponseEntity<StatementView> upload(@RequestParam("file") MultipartFile file) throws IOException {
        PortalUser user = PaymentsSecurity.accountant();
        StatementView view = statements.importFile(file.getOriginalFilename(), read(file), user.id());
        return ResponseEntity.created(URI.create("/api/v1/admin/bank-statements/" + view.id())).body(view);
    }

    @GetMapping("/api/v1/admin/bank-statements")
    @Operation(summary = "The history of statement imports, newest first")
    List<StatementView> history() {
        PaymentsSecurity.accountant();
        return statements.history(200);
    }

    @GetMapping("/api/v1/admin/bank-statements/{id}")
    @Operation(summary = "One import with the result of each document")
    StatementView statement(@PathVariable long id) {
        PaymentsSecurity.accountant();
        return statements.find(id).orElseThrow(() -> DomainException.notFound("bank-statement", id));
    }

    /** The upload's bytes, but never more than the cap plus one byte (a bigger file is refused, not read). */
    static byte[] read(MultipartFile file) throws IOException {
        if (file.getSize() > BankStatements.MAX_BYTES) {
            throw new DomainException(413, "statement-too-large", "payments.statement.too-large",
                    BankStatements.MAX_BYTES / (1024 * 1024));
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) BankStatements.MAX_BYTES + 1);
        }
    }
}
