package io.b2bportal.payments.credit;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.documents.DocumentsApi;
import io.b2bportal.documents.InvoiceCancelled;
import io.b2bportal.documents.InvoiceRef;
import io.b2bportal.payments.CreditHoldLifted;
import io.b2bportal.payments.CreditHoldPlaced;
import io.b2bportal.platform.AuditLog;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts legal entities on credit hold and takes them off it. {@link #evaluate(long)} applies the {@link HoldPolicy}
 * to the entity's open invoices: overdue beyond {@code portal.credit.hold-after-days} → a hold (row in
 * {@code payments.credit_hold}, event {@link CreditHoldPlaced}); nothing overdue that long any more → the hold is
 * lifted ({@link CreditHoldLifted}). A seller accountant may {@link #release} a hold with a reason and an optional
 * "until" day (audited): the invoices that held it do not hold it again before that day (without one, until they are
 * paid); newer overdue invoices do.
 *
 * <p>When it runs: every {@code portal.credit.check-interval} over every entity with something overdue or on hold
 * ({@link CreditControlSchedule}), after an invoice of the entity is cancelled or corrected, and right after a payment
 * posts: <b>the payments code calls {@link #reviewHold(long)} after its transaction commits</b> (or publishes
 * {@code payments.PaymentReceived}, to which a listener here will react the same way; until then that hook is this
 * method). Evaluations of one entity are
 * serialized by a transaction-scoped advisory lock, so two nodes never place two holds.
 */
@Service
public class CreditControl {

    private static final Logger log = LoggerFactory.getLogger(CreditControl.class);
    /** Two-key advisory lock space of credit-hold evaluations: (this, legal entity id). */
    private static final int HOLD_LOCK = 7_400;
    public static final String AUDIT_RELEASED = "payments.credit-hold.released";

    private final JdbcClient jdbc;
    private final DocumentsApi documents;
    private final CustomersApi customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HoldPolicy policy;

    CreditControl(JdbcClient jdbc, DocumentsApi documents, CustomersApi customers, AuditLog audit,
            ApplicationEventPublisher events, @Value("${portal.credit.hold-after-days:5}") int holdAfterDays) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.policy = new HoldPolicy(holdAfterDays);
    }

    public int holdAfterDays() {
        return policy.holdAfterDays();
    }

    /** What an evaluation did. */
    public enum Outcome { PLACED, KEPT, LIFTED, NONE }

    /** Applies the hold rule to one legal entity now; see the class comment. */
    @Transactional
    public Outcome evaluate(long legalEntityId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:space, cast(:entity as int))) locked")
                .param("space", HOLD_LOCK).param("entity", legalEntityId).query(Integer.class).single();
        LocalDate today = BusinessDate.today();
        List<InvoiceRef> open = documents.openInvoices(legalEntityId);
        Optional<HoldPolicy.Reason> reason = policy.evaluate(open, today, released(legalEntityId, today));
        Optional<ActiveHold> active = active(legalEntityId);
        if (reason.isPresent() && active.isEmpty()) {
            HoldPolicy.Reason r = reason.get();
            long id = jdbc.sql("""
                            insert into payments.credit_hold (legal_entity_id, overdue, oldest_due_on, invoice_ids)
                            values (:entity, :overdue, :oldest, :invoices) returning id""")
                    .param("entity", legalEntityId).param("overdue", r.overdue()).param("oldest", r.oldestDueOn())
                    .param("invoices", r.invoiceIds().toArray(Long[]::new)).query(Long.class).single();
            long company = companyOf(legalEntityId);
            log.info("Credit hold {} placed on legal entity {}: {} overdue since {}", id, legalEntityId, r.overdue(),
                    r.oldestDueOn());
            events.publishEvent(new CreditHoldPlaced(id, legalEntityId, company, r.overdue(), r.oldestDueOn(),
                    r.invoiceIds()));
            return Outcome.PLACED;
        }
        if (reason.isPresent()) {
            HoldPolicy.Reason r = reason.get();
            jdbc.sql("""
                            update payments.credit_hold set overdue = :overdue, oldest_due_on = :oldest,
                                   invoice_ids = :invoices, evaluated_at = now()
                             where id = :id""")
                    .param("overdue", r.overdue()).param("oldest", r.oldestDueOn())
                    .param("invoices", r.invoiceIds().toArray(Long[]::new)).param("id", active.get().id()).update();
            return Outcome.KEPT;
        }
        if (active.isPresent()) {
            jdbc.sql("update payments.credit_hold set lifted_at = now(), evaluated_at = now() where id = :id")
                    .param("id", active.get().id()).update();
            log.info("Credit hold {} of legal entity {} lifted: nothing overdue beyond {} days", active.get().id(),
                    legalEntityId, policy.holdAfterDays());
            events.publishEvent(new CreditHoldLifted(active.get().id(), legalEntityId, companyOf(legalEntityId), false,
                    null, null));
            return Outcome.LIFTED;
        }
        return Outcome.NONE;
    }

    /**
     * Evaluates every legal entity that has an invoice overdue beyond the limit or a hold in force (the schedule's
     * run); one entity's failure does not stop the others. Returns the entities evaluated.
     */
    public int evaluateAll() {
        LocalDate today = BusinessDate.today();
        Set<Long> entities = new TreeSet<>();
        documents.openInvoicesDueBefore(today.minusDays(policy.holdAfterDays()))
                .forEach(i -> entities.add(i.legalEntityId()));
        entities.addAll(jdbc.sql("""
                        select legal_entity_id from payments.credit_hold where lifted_at is null and released_at is null""")
                .query(Long.class).list());
        for (long entity : entities) {
            try {
                evaluate(entity);
            } catch (RuntimeException e) {
                log.warn("Credit control: legal entity {} was not evaluated", entity, e);
            }
        }
        return entities.size();
    }

    /**
     * Re-evaluates an entity only if it is on hold now: what a payment or a cancellation calls, since money coming in
     * can only end a hold. (A new hold waits for the schedule, so a payment never surprises a customer with one.)
     */
    @Transactional
    public Outcome reviewHold(long legalEntityId) {
        return active(legalEntityId).isPresent() ? evaluate(legalEntityId) : Outcome.NONE;
    }

    /** An invoice was cancelled or corrected: what held the entity may be gone. */
    @ApplicationModuleListener
    void on(InvoiceCancelled cancelled) {
        reviewHold(cancelled.legalEntityId());
    }

    /** Money came in (by hand, from a bank statement, online): the overdue invoices may be paid now. */
    @ApplicationModuleListener
    void on(io.b2bportal.payments.PaymentReceived received) {
        reviewHold(received.legalEntityId());
    }

    /** A credit note lowered what the entity owes. */
    @ApplicationModuleListener
    void on(io.b2bportal.documents.DocumentIssued issued) {
        if (issued.kind() == io.b2bportal.documents.DocumentKind.CREDIT_NOTE) {
            reviewHold(issued.legalEntityId());
        }
    }

    /**
     * A seller accountant (or administrator) releases the entity's hold: orders are accepted again, and the invoices
     * that held it do not hold it again before {@code until} (without one: until they are paid). Audited.
     */
    @Transactional
    public void release(long legalEntityId, long actorId, String reason, LocalDate until, String ip) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("reason-required", "finance.hold.release.reason-required");
        }
        if (text.length() > 500) {
            throw DomainException.invalid("reason-too-long", "finance.hold.release.reason-too-long", 500);
        }
        LocalDate today = BusinessDate.today();
        if (until != null && until.isBefore(today)) {
            throw DomainException.invalid("until-in-past", "finance.hold.release.until-in-past");
        }
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:space, cast(:entity as int))) locked")
                .param("space", HOLD_LOCK).param("entity", legalEntityId).query(Integer.class).single();
        ActiveHold hold = active(legalEntityId)
                .orElseThrow(() -> DomainException.conflict("not-on-hold", "finance.hold.release.not-on-hold"));
        jdbc.sql("""
                        update payments.credit_hold
                           set released_at = now(), released_by = :actor, release_reason = :reason,
                               released_until = :until
                         where id = :id""")
                .param("actor", actorId).param("reason", text).param("until", until).param("id", hold.id()).update();
        long company = companyOf(legalEntityId);
        audit.record(actorId, AUDIT_RELEASED, company, "legal entity " + legalEntityId + ", hold " + hold.id()
                + ", overdue " + hold.overdue() + (until == null ? "" : ", until " + until) + ": " + text, ip);
        events.publishEvent(new CreditHoldLifted(hold.id(), legalEntityId, company, true, actorId, text));
    }

    private record ActiveHold(long id, BigDecimal overdue) {
    }

    private Optional<ActiveHold> active(long legalEntityId) {
        return jdbc.sql("""
                        select id, overdue from payments.credit_hold
                         where legal_entity_id = :entity and lifted_at is null and released_at is null""")
                .param("entity", legalEntityId).query(ActiveHold.class).optional();
    }

    /** The invoices covered by releases still in force (no "until", or "until" not yet passed). */
    private Set<Long> released(long legalEntityId, LocalDate today) {
        Set<Long> ids = new HashSet<>();
        jdbc.sql("""
                        select invoice_ids from payments.credit_hold
                         where legal_entity_id = :entity and released_at is not null
                           and (released_until is null or released_until >= :today)""")
                .param("entity", legalEntityId).param("today", today)
                .query((rs, n) -> ids.addAll(Arrays.asList((Long[]) rs.getArray(1).getArray()))).list();
        return ids;
    }

    private long companyOf(long legalEntityId) {
        return customers.legalEntity(legalEntityId).map(LegalEntityRef::companyId).orElse(0L);
    }

    // ------------------------------------------------------------------ read side

    /** A hold as the back office lists it. */
    public record HoldView(long id, long legalEntityId, long companyId, String companyName, String legalEntityName,
            String inn, OffsetDateTime placedAt, BigDecimal overdue, LocalDate oldestDueOn, int invoices,
            OffsetDateTime liftedAt, OffsetDateTime releasedAt, String releasedBy, String releaseReason,
            LocalDate releasedUntil) {

        public boolean active() {
            return liftedAt == null && releasedAt == null;
        }

        public long daysOverdue(LocalDate today) {
            return java.time.temporal.ChronoUnit.DAYS.between(oldestDueOn, today);
        }
    }

    private static final String VIEW = """
            select h.id, h.legal_entity_id, e.company_id, c.name as company_name, e.name as legal_entity_name, e.inn,
                   h.placed_at, h.overdue, h.oldest_due_on, cardinality(h.invoice_ids) as invoices, h.lifted_at,
                   h.released_at, u.display_name as released_by, h.release_reason, h.released_until
              from payments.credit_hold h
              join customers.legal_entity e on e.id = h.legal_entity_id
              join customers.company c on c.id = e.company_id
              left join platform.user_account u on u.id = h.released_by
            """;

    /**
     * Holds in force, the oldest debt first; {@code managerId} (from {@code CustomersApi.staffManagerFilter}) limits
     * them to one account manager's clients.
     */
    @Transactional(readOnly = true)
    public List<HoldView> active(Long managerId) {
        return jdbc.sql(VIEW + """
                         where h.lifted_at is null and h.released_at is null
                           and (cast(:manager as bigint) is null or c.account_manager_id = :manager)
                         order by h.oldest_due_on, h.id""")
                .param("manager", managerId).query(HoldView.class).list();
    }

    /** Holds that ended (paid or released), the latest first. */
    @Transactional(readOnly = true)
    public List<HoldView> history(Long managerId, int limit) {
        return jdbc.sql(VIEW + """
                         where (h.lifted_at is not null or h.released_at is not null)
                           and (cast(:manager as bigint) is null or c.account_manager_id = :manager)
                         order by coalesce(h.released_at, h.lifted_at) desc, h.id desc limit :limit""")
                .param("manager", managerId).param("limit", limit).query(HoldView.class).list();
    }

    /** The hold of one legal entity in force, if any (with names, for its pages). */
    @Transactional(readOnly = true)
    public Optional<HoldView> activeOf(long legalEntityId) {
        return jdbc.sql(VIEW + " where h.legal_entity_id = :entity and h.lifted_at is null and h.released_at is null")
                .param("entity", legalEntityId).query(HoldView.class).optional();
    }
}
