package io.b2bportal.payments.reports;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.ledger.JournalKind;
import io.b2bportal.ledger.LedgerApi;
import io.b2bportal.ledger.LedgerApi.StatementLine;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.Receivables;
import io.b2bportal.ordering.Receivables.CreditHold;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A legal entity's account with the seller, as its buyers and the seller's staff read it: balance, credit limit and
 * exposure, hold, open invoices with days overdue, aging, and the statement of any period (from the ledger).
 */
@Service
public class Statements {

    /** The longest statement period one request may ask for. */
    public static final int MAX_DAYS = 3 * 366;

    private final LedgerApi ledger;
    private final CustomersApi customers;
    private final OrderingApi ordering;
    private final Receivables receivables;
    private final Aging aging;
    private final JdbcClient jdbc;

    Statements(LedgerApi ledger, CustomersApi customers, OrderingApi ordering, Receivables receivables, Aging aging,
            JdbcClient jdbc) {
        this.ledger = ledger;
        this.customers = customers;
        this.ordering = ordering;
        this.receivables = receivables;
        this.aging = aging;
        this.jdbc = jdbc;
    }

    /** An open invoice with what is left and how late it is. */
    public record OpenInvoice(long id, String number, String orderNumber, LocalDate issuedOn, LocalDate dueOn,
            String paymentTerms, BigDecimal gross, BigDecimal outstanding, long daysOverdue, AgingBucket bucket) {
    }

    /**
     * The account summary.
     *
     * @param balance   the receivable (negative: the customer paid in advance)
     * @param advance   money received and not yet allocated to invoices (positive)
     * @param exposure  unpaid invoices plus orders waiting for approval, what the credit limit is checked against
     * @param available credit limit less exposure (null without a deferral contract)
     */
    public record Account(long legalEntityId, String legalEntityName, long companyId, String companyName,
            String paymentTerms, int deferralDays, BigDecimal creditLimit, BigDecimal balance, BigDecimal advance,
            BigDecimal exposure, BigDecimal available, CreditHold hold, List<OpenInvoice> openInvoices,
            Aging.Buckets aging) {
    }

    @Transactional(readOnly = true)
    public Account account(long legalEntityId) {
        var entity = customers.legalEntity(legalEntityId)
                .orElseThrow(() -> DomainException.notFound("legal entity", legalEntityId));
        LocalDate today = BusinessDate.today();
        ContractTerms terms = customers.termsOf(legalEntityId);
        BigDecimal balance = ledger.receivable(legalEntityId);
        BigDecimal advance = ledger.unallocated(legalEntityId).negate().max(BigDecimal.ZERO);
        BigDecimal exposure = ordering.awaitingApproval(legalEntityId).add(balance);
        boolean deferral = terms.paymentTerms() == ContractTerms.PaymentTerms.DEFERRAL;
        BigDecimal limit = deferral ? terms.creditLimit().amount() : null;
        List<InvoiceRef> open = aging.open(legalEntityId);
        List<OpenInvoice> invoices = open.stream().map(i -> {
            long days = Aging.daysPastDue(i, today);
            return new OpenInvoice(i.id(), i.number(), i.orderNumber(), i.issuedOn(), i.dueOn(), i.paymentTerms(),
                    i.gross(), i.outstanding(), Math.max(days, 0), AgingBucket.of(days));
        }).toList();
        return new Account(legalEntityId, entity.name(), entity.companyId(), entity.companyName(),
                terms.paymentTerms().name(), terms.deferralDays(), limit, balance, advance, exposure,
                limit == null ? null : limit.subtract(exposure), receivables.hold(legalEntityId).orElse(null),
                invoices, Aging.Buckets.of(open, today));
    }

    /** One line of a statement, with the document's printed number. */
    public record Line(LocalDate on, JournalKind kind, String document, String memo, BigDecimal debit,
            BigDecimal credit, BigDecimal balance) {
    }

    /** A statement of the receivable: opening balance, movements with the running balance, closing balance. */
    public record Statement(long legalEntityId, LocalDate from, LocalDate to, BigDecimal opening, List<Line> lines,
            BigDecimal debits, BigDecimal credits, BigDecimal closing) {
    }

    /**
     * The statement between two days (both included). Refuses (400) a period that ends before it starts or is longer
     * than {@link #MAX_DAYS} days.
     */
    @Transactional(readOnly = true)
    public Statement statement(long legalEntityId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new DomainException(400, "bad-period", "finance.statement.bad-period");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new DomainException(400, "period-too-long", "finance.statement.period-too-long", MAX_DAYS);
        }
        LedgerApi.Statement s = ledger.statement(legalEntityId, from, to);
        Map<Long, String> numbers = numbers(s.lines().stream().map(StatementLine::documentId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        BigDecimal running = s.opening();
        List<Line> lines = new java.util.ArrayList<>();
        for (StatementLine l : s.lines()) {
            running = running.add(l.debit()).subtract(l.credit());
            lines.add(new Line(l.on(), l.kind(), Optional.ofNullable(l.documentId()).map(numbers::get).orElse(null),
                    l.memo(), l.debit(), l.credit(), running));
        }
        return new Statement(legalEntityId, from, to, s.opening(), lines, s.debits(), s.credits(), s.closing());
    }

    private Map<Long, String> numbers(List<Long> documentIds) {
        Map<Long, String> numbers = new HashMap<>();
        if (documentIds.isEmpty()) {
            return numbers;
        }
        jdbc.sql("select id, number from documents.document where id = any(cast(:ids as bigint[]))")
                .param("ids", documentIds.toArray(Long[]::new))
                .query((rs, n) -> numbers.put(rs.getLong(1), rs.getString(2))).list();
        return numbers;
    }
}
