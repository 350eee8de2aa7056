package io.b2bportal.ordering.demo;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.standing.Schedule;
import io.b2bportal.ordering.standing.StandingOrderRunner;
import io.b2bportal.ordering.standing.StandingOrders;
import io.b2bportal.platform.DemoData;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two standing orders of Alpha Stroy made from its demo orders: a weekly one waiting for its next Monday, and a
 * monthly one whose occurrence today the runner held for review, because the price agreed when it was set up was
 * (for the demo) put 8 % below today's, as if the price had risen since.
 */
@Component
class StandingOrdersDemoData implements DemoData {

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final StandingOrders standingOrders;
    private final StandingOrderRunner runner;

    StandingOrdersDemoData(JdbcClient jdbc, CustomersApi customers, StandingOrders standingOrders,
            StandingOrderRunner runner) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.standingOrders = standingOrders;
        this.runner = runner;
    }

    @Override
    public int order() {
        return 620;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long user = seeding.accountId("buyer@alpha.demo");
        Optional<LegalEntityRef> stroy = customers.actingEntities(user).stream()
                .filter(e -> "7704123450".equals(e.inn())).findFirst();
        if (stroy.isEmpty()) {
            return;
        }
        Buyer buyer = new Buyer(user, stroy.get().id(), stroy.get().companyId(), false);
        var numbers = jdbc.sql("""
                        select number from ordering.orders where legal_entity_id = :entity and status = 'COMPLETED'
                         union all
                        select number from ordering.orders where legal_entity_id = :entity and status = 'DELIVERED'""")
                .param("entity", buyer.legalEntityId()).query(String.class).list();
        if (numbers.size() < 2) {
            return;
        }
        LocalDate today = LocalDate.now(io.b2bportal.ordering.order.Checkout.ZONE);
        standingOrders.create(buyer, new StandingOrders.Setup("Еженедельный крепёж для цеха", null, numbers.get(0),
                Schedule.weekly(DayOfWeek.MONDAY), null, today.plusMonths(6), null, null, "ПЗ-ПОСТ-01", null));
        long monthly = standingOrders.create(buyer, new StandingOrders.Setup("Ежемесячно: расходники склада", null,
                numbers.get(1), Schedule.monthly(Math.min(today.getDayOfMonth(), 28)), today, null, null, null,
                null, null));
        jdbc.sql("""
                        update ordering.standing_order_line set agreed_unit_gross = round(agreed_unit_gross / 1.08, 2)
                         where standing_order_id = :id""")
                .param("id", monthly).update();
        runner.runDue(today);
    }
}
