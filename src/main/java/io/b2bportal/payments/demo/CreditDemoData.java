package io.b2bportal.payments.demo;

import io.b2bportal.customers.ContractTerms;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.payments.credit.CreditControl;
import io.b2bportal.payments.reminders.Reminders;
import io.b2bportal.platform.DemoData;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credit-control demo (after the orders, documents and payments demos): Gamma's sole proprietor, on a 30-day
 * deferral, ordered 45 days ago and has not paid, so it is 15 days overdue and on credit hold; a second order of 28
 * days ago falls due in two days, a third of last week is current. The reminders went out as they would have: "due
 * soon" and "overdue" for the first invoice, "due soon" for the second (mails in the outbox, notifications behind
 * Elena Gammova's bell). Alpha Remont has a released hold in the history.
 */
@Component
class CreditDemoData implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(CreditDemoData.class);
    static final String GAMMA_INN = "773123456716";

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final OrderingApi ordering;
    private final CreditControl credit;
    private final Reminders reminders;
    private final io.b2bportal.documents.DocumentsApi documents;

    CreditDemoData(JdbcClient jdbc, CustomersApi customers, OrderingApi ordering, CreditControl credit,
            Reminders reminders, io.b2bportal.documents.DocumentsApi documents) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.customers = customers;
        this.ordering = ordering;
        this.credit = credit;
        this.reminders = reminders;
    }

    @Override
    public int order() {
        return 745;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long buyer = seeding.accountId("buyer@gamma.demo");
        LegalEntityRef gamma = customers.actingEntities(buyer).stream().filter(e -> GAMMA_INN.equals(e.inn()))
                .findFirst().orElse(null);
        if (gamma == null || customers.termsOf(gamma.id()).paymentTerms() != ContractTerms.PaymentTerms.DEFERRAL) {
            LOG.warn("Credit demo skipped: Gamma's sole proprietor has no deferral contract");
            return;
        }
        List<Map<String, BigDecimal>> baskets = baskets();
        if (baskets.size() < 3) {
            LOG.warn("Credit demo skipped: the demo catalog has too few products in stock");
            return;
        }
        LocalDate today = BusinessDate.today();
        Long overdue = placeAsOf(today.minusDays(45), buyer, gamma.id(), baskets.get(0), "ГМ-17");
        placeAsOf(today.minusDays(28), buyer, gamma.id(), baskets.get(1), "ГМ-21");
        placeAsOf(today.minusDays(6), buyer, gamma.id(), baskets.get(2), "ГМ-24");
        if (overdue == null) {
            return;
        }
        // the reminders quote the invoices' numbers, which the demo's one transaction would give only at its end
        documents.numberPendingInvoices();
        LocalDate due = today.minusDays(15);
        // the reminders of the first invoice, each on its day, then today's
        BusinessDate.asOf(due.minusDays(3), () -> reminders.run(gamma.id()));
        BusinessDate.asOf(due.plusDays(1), () -> reminders.run(gamma.id()));
        reminders.run(gamma.id());
        credit.evaluate(gamma.id());
        releasedHoldOfAlphaRemont(seeding);
    }

    private Long placeAsOf(LocalDate day, long buyer, long entity, Map<String, BigDecimal> lines, String po) {
        try {
            long id = BusinessDate.asOf(day, () -> ordering.place(buyer, entity, lines, po));
            int days = (int) java.time.temporal.ChronoUnit.DAYS.between(day, BusinessDate.today());
            jdbc.sql("""
                            update ordering.orders set created_at = created_at - make_interval(days => :days),
                                                       updated_at = updated_at - make_interval(days => :days)
                             where id = :id""")
                    .param("days", days).param("id", id).update();
            jdbc.sql("update ordering.order_event set at = at - make_interval(days => :days) where order_id = :id")
                    .param("days", days).param("id", id).update();
            return id;
        } catch (DomainException e) {
            LOG.warn("A credit demo order was not placed: {}", e.getMessage());
            return null;
        }
    }

    /** Three baskets of two products each that the demo catalog has plenty of, at base prices. */
    private List<Map<String, BigDecimal>> baskets() {
        record Stocked(String sku, BigDecimal pack, BigDecimal minimum) {
        }
        List<Stocked> stocked = jdbc.sql("""
                        select p.sku, p.pack_multiple as pack, p.min_order_qty as minimum
                          from catalog.product p
                          join lateral (select sum(greatest(on_hand - reserved - held, 0)) as available
                                          from catalog.stock where product_id = p.id) s on true
                         where p.status = 'ACTIVE' and s.available >= p.pack_multiple * 40
                           and p.min_order_qty <= p.pack_multiple * 4
                           and exists (select 1 from pricing.price pr where pr.product_id = p.id)
                         order by p.sku desc limit 6""")
                .query(Stocked.class).list();
        List<Map<String, BigDecimal>> baskets = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < stocked.size(); i += 2) {
            Map<String, BigDecimal> basket = new LinkedHashMap<>();
            for (Stocked s : stocked.subList(i, i + 2)) {
                basket.put(s.sku(), s.pack().multiply(BigDecimal.valueOf(20)).max(s.minimum()));
            }
            baskets.add(basket);
        }
        return baskets;
    }

    /** History only: a hold of last month that the seller's accountant released on a letter of guarantee. */
    private void releasedHoldOfAlphaRemont(DemoSeeding seeding) {
        Long remont = jdbc.sql("select id from customers.legal_entity where inn = '7704987650'").query(Long.class)
                .optional().orElse(null);
        if (remont == null) {
            return;
        }
        LocalDate today = BusinessDate.today();
        jdbc.sql("""
                        insert into payments.credit_hold (legal_entity_id, placed_at, overdue, oldest_due_on,
                                                          released_at, released_by, release_reason, released_until,
                                                          evaluated_at)
                        values (:entity, now() - interval '24 days', 48500.00, :oldest, now() - interval '21 days',
                                :by, 'Гарантийное письмо: оплата до конца месяца', :until, now() - interval '21 days')""")
                .param("entity", remont).param("oldest", today.minusDays(31))
                .param("by", seeding.accountId("accountant@demo.local")).param("until", today.minusDays(7)).update();
    }
}
