package io.b2bportal.payments.payment;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL side of payments: recording them (once per dedupe key), their state, the lists and what each paid. */
@Repository
public class Payments {

    private static final String VIEW = """
            select p.id, p.legal_entity_id, le.name as entity_name, le.inn as entity_inn, c.name as company_name,
                   p.source, p.status, p.amount, p.currency, p.received_on, p.payer_inn, p.payer_name,
                   p.payer_account, p.purpose, p.bank_doc_number, p.bank_doc_date, p.match_key, p.match_args,
                   p.statement_id, p.invoice_id, p.registered_at,
                   p.amount - coalesce((select sum(a.amount) from payments.allocation a where a.payment_id = p.id), 0)
                       as unapplied
              from payments.payment p
              left join customers.legal_entity le on le.id = p.legal_entity_id
              left join customers.company c on c.id = le.company_id
            """;

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment locked until the caller's transaction ends, with what is left of it. */
    public record Locked(long id, Long legalEntityId, PaymentSource source, PaymentStatus status, BigDecimal amount,
            LocalDate receivedOn, String bankDocNumber, Long invoiceId, BigDecimal unapplied) {
    }

    /** Records a payment; empty when one with the same dedupe key exists already (nothing is recorded twice). */
    public Optional<Long> insert(NewPayment p) {
        return jdbc.sql("""
                        insert into payments.payment (legal_entity_id, source, status, amount, received_on, payer_inn,
                                                      payer_name, payer_account, purpose, bank_doc_number,
                                                      bank_doc_date, dedupe_key, statement_id, provider, provider_ref,
                                                      invoice_id, registered_by, match_key, match_args)
                        values (:entity, :source, :status, :amount, :on, :inn, :name, :account, :purpose, :number,
                                :docDate, :key, :statement, :provider, :ref, :invoice, :by, :matchKey, :matchArgs)
                        on conflict (dedupe_key) do nothing
                        returning id""")
                .param("entity", p.legalEntityId()).param("source", p.source().name())
                .param("status", p.status().name()).param("amount", p.amount()).param("on", p.receivedOn())
                .param("inn", p.payerInn()).param("name", p.payerName()).param("account", p.payerAccount())
                .param("purpose", p.purpose()).param("number", p.bankDocNumber()).param("docDate", p.bankDocDate())
                .param("key", p.dedupeKey()).param("statement", p.statementId()).param("provider", p.provider())
                .param("ref", p.providerRef()).param("invoice", p.invoiceId()).param("by", p.registeredBy())
                .param("matchKey", p.matchKey()).param("matchArgs", p.matchArgs())
                .query(Long.class).optional();
    }

    /** The id of the payment recorded under this dedupe key, if any. */
    public Optional<Long> idByDedupeKey(String key) {
        return jdbc.sql("select id from payments.payment where dedupe_key = :key").param("key", key)
                .query(Long.class).optional();
    }

    public Optional<Locked> lock(long id) {
        return jdbc.sql("""
                        select id, legal_entity_id, source, status, amount, received_on, bank_doc_number, invoice_id,
                               amount - coalesce((select sum(a.amount) from payments.allocation a
                                                   where a.payment_id = p.id), 0) as unapplied
                          from payments.payment p where id = :id for update""")
                .param("id", id).query(Locked.class).optional();
    }

    void markPosted(long id, long legalEntityId) {
        jdbc.sql("""
                        update payments.payment set status = 'POSTED', legal_entity_id = :entity, posted_at = now()
                         where id = :id""")
                .param("id", id).param("entity", legalEntityId).update();
    }

    /** Why the matcher (or staff) decided as they did, for the list and the review screen. */
    public void setMatch(long id, String key, List<String> args) {
        jdbc.sql("update payments.payment set match_key = :key, match_args = :args where id = :id")
                .param("id", id).param("key", key).param("args", args.toArray(String[]::new)).update();
    }

    public void markDeclined(long id) {
        jdbc.sql("update payments.payment set status = 'DECLINED' where id = :id and status = 'PENDING'")
                .param("id", id).update();
    }

    void addAllocation(Long paymentId, long legalEntityId, String kind, Long invoiceId, BigDecimal amount,
            long journalId, Long userId) {
        jdbc.sql("""
                        insert into payments.allocation (payment_id, legal_entity_id, kind, invoice_id, amount,
                                                         journal_id, created_by)
                        values (:payment, :entity, :kind, :invoice, :amount, :journal, :by)""")
                .param("payment", paymentId).param("entity", legalEntityId).param("kind", kind)
                .param("invoice", invoiceId).param("amount", amount).param("journal", journalId)
                .param("by", userId).update();
    }

    /** Posted payments of the entity that still have something unapplied, oldest first (advances are used FIFO). */
    record Unapplied(long id, BigDecimal unapplied) {
    }

    List<Unapplied> unappliedOf(long legalEntityId) {
        return jdbc.sql("""
                        select id, unapplied from (
                            select p.id, p.received_on,
                                   p.amount - coalesce((select sum(a.amount) from payments.allocation a
                                                         where a.payment_id = p.id), 0) as unapplied
                              from payments.payment p
                             where p.legal_entity_id = :entity and p.status = 'POSTED') x
                         where unapplied > 0 order by received_on, id""")
                .param("entity", legalEntityId).query(Unapplied.class).list();
    }

    public Optional<PaymentView> find(long id) {
        return withApplied(jdbc.sql(VIEW + " where p.id = :id").param("id", id).query(Payments::row).list())
                .stream().findFirst();
    }

    /** The staff list: newest first, one more than the page size (to tell whether there is a next page). */
    public List<PaymentView> list(PaymentFilter f) {
        StringBuilder sql = new StringBuilder("select * from (" + VIEW + ") v where true");
        Map<String, Object> params = new HashMap<>();
        if (f.from() != null) {
            sql.append(" and received_on >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and received_on <= :to");
            params.put("to", f.to());
        }
        if (f.source() != null) {
            sql.append(" and source = :source");
            params.put("source", f.source().name());
        }
        if (f.legalEntityId() != null) {
            sql.append(" and legal_entity_id = :entity");
            params.put("entity", f.legalEntityId());
        }
        if (f.customer() != null) {
            sql.append(" and (company_name ilike :customer or entity_name ilike :customer or entity_inn like :customer"
                    + " or payer_name ilike :customer or payer_inn like :customer)");
            params.put("customer", "%" + f.customer().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.state() != null) {
            switch (f.state()) {
                case "MATCHED" -> sql.append(" and status = 'POSTED' and unapplied = 0");
                case "ADVANCE" -> sql.append(" and status = 'POSTED' and unapplied > 0");
                case "UNMATCHED", "PENDING", "DECLINED" -> {
                    sql.append(" and status = :status");
                    params.put("status", f.state());
                }
                default -> sql.append(" and false");
            }
        }
        sql.append(" order by received_on desc, id desc limit :limit offset :offset");
        params.put("limit", f.size() + 1);
        params.put("offset", (long) f.page() * f.size());
        return withApplied(jdbc.sql(sql.toString()).params(params).query(Payments::row).list());
    }

    /** Payments of these legal entities (a buyer's), newest first. */
    public List<PaymentView> ofEntities(Collection<Long> entityIds) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        return withApplied(jdbc.sql(VIEW + """
                         where p.legal_entity_id = any(cast(:entities as bigint[]))
                         order by p.received_on desc, p.id desc limit 500""")
                .param("entities", entityIds.toArray(Long[]::new)).query(Payments::row).list());
    }

    private List<PaymentView> withApplied(List<PaymentView> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<Long, List<PaymentView.Applied>> applied = new HashMap<>();
        jdbc.sql("""
                        select a.payment_id, a.kind, a.invoice_id, d.number, a.amount, a.created_at
                          from payments.allocation a left join documents.document d on d.id = a.invoice_id
                         where a.payment_id = any(cast(:ids as bigint[]))
                         order by a.id""")
                .param("ids", views.stream().map(PaymentView::id).toArray(Long[]::new))
                .query((rs, n) -> applied.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new PaymentView.Applied(rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                                rs.getBigDecimal(5), rs.getObject(6, OffsetDateTime.class))))
                .list();
        return views.stream().map(v -> new PaymentView(v.id(), v.legalEntityId(), v.entityName(), v.entityInn(),
                v.companyName(), v.source(), v.status(), v.state(), v.amount(), v.currency(), v.receivedOn(),
                v.payerInn(), v.payerName(), v.payerAccount(), v.purpose(), v.bankDocNumber(), v.bankDocDate(),
                v.matchKey(), v.matchArgs(), v.statementId(), v.invoiceId(), v.unapplied(), v.registeredAt(),
                applied.getOrDefault(v.id(), List.of()))).toList();
    }

    private static PaymentView row(ResultSet rs, int n) throws SQLException {
        PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
        BigDecimal unapplied = rs.getBigDecimal("unapplied");
        String state = status != PaymentStatus.POSTED ? status.name()
                : unapplied.signum() > 0 ? "ADVANCE" : "MATCHED";
        Array args = rs.getArray("match_args");
        return new PaymentView(rs.getLong("id"), (Long) rs.getObject("legal_entity_id"), rs.getString("entity_name"),
                rs.getString("entity_inn"), rs.getString("company_name"),
                PaymentSource.valueOf(rs.getString("source")), status, state, rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getObject("received_on", LocalDate.class), rs.getString("payer_inn"),
                rs.getString("payer_name"), rs.getString("payer_account"), rs.getString("purpose"),
                rs.getString("bank_doc_number"), rs.getObject("bank_doc_date", LocalDate.class),
                rs.getString("match_key"), args == null ? List.of() : Arrays.asList((String[]) args.getArray()),
                (Long) rs.getObject("statement_id"), (Long) rs.getObject("invoice_id"), unapplied,
                rs.getObject("registered_at", OffsetDateTime.class), List.of());
    }
}
