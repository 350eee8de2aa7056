package io.b2bportal.ordering.demo;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.OrderLifecycle;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.platform.DemoData;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo orders placed through the real checkout (prices, reservations and all) and moved through the real lifecycle,
 * then dated back over the last four months: Alpha Stroy's orders in every status (completed, delivered, shipped,
 * partially shipped with a backorder line, confirmed from two merged workshop carts, placed on its behalf by its
 * account manager, cancelled), and two of Beta's. Products are picked by what the demo catalog has in stock.
 */
@Component
class OrdersDemoData implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersDemoData.class);

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final Checkout checkout;
    private final OrderLifecycle lifecycle;

    OrdersDemoData(JdbcClient jdbc, CustomersApi customers, Checkout checkout, OrderLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.checkout = checkout;
        this.lifecycle = lifecycle;
    }

    @Override
    public int order() {
        return 610;
    }

    private record Stocked(long id, String sku, BigDecimal pack, BigDecimal minimum, BigDecimal available) {

        BigDecimal quantity(int packs) {
            BigDecimal q = pack.multiply(BigDecimal.valueOf(packs)).max(minimum);
            return q.min(available);
        }
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long buyer = seeding.accountId("buyer@alpha.demo");
        long ops = seeding.accountId("ops@demo.local");
        long manager = seeding.accountId("manager@demo.local");
        LegalEntityRef stroy = entity(buyer, "7704123450");
        Placer alpha = new Placer(buyer, stroy.id(), stroy.companyId(), Channel.PORTAL);
        List<Stocked> stocked = stocked(null, 40);
        if (stocked.size() < 20) {
            LOG.warn("Demo orders skipped: the demo catalog has too few products in stock");
            return;
        }
        // each order is placed and moved on as of the day it pretends to happen on, so that its invoice, transfer
        // documents and postings carry that day; backdate() then moves the order's own timestamps
        Long completed = daysAgo(118, () -> advance(place(alpha, lines(stocked.subList(0, 4), 10), "ПЗ-1041", null),
                ops, "COMPLETED"));
        Long delivered = daysAgo(76, () -> advance(place(alpha, lines(stocked.subList(4, 8), 8), "ПЗ-1077",
                "Въезд с ул. Пречистенка"), ops, "DELIVERED"));
        Long cancelled = daysAgo(60, () -> {
            Long id = place(alpha, lines(stocked.subList(8, 10), 5), "ПЗ-1090", null);
            if (id != null) {
                lifecycle.cancelByBuyer(id, buyer, "Заказали у другого поставщика");
            }
            return id;
        });
        Long shipped = daysAgo(41, () -> advance(place(alpha, lines(stocked.subList(10, 13), 6), "ПЗ-1102", null),
                ops, "SHIPPED"));
        Long backorder = daysAgo(20, () -> advance(placeWithBackorder(alpha, stocked.subList(13, 15)), ops,
                "PARTIALLY_SHIPPED"));
        Long merged = daysAgo(9, () -> advance(mergedCarts(alpha, stocked.subList(15, 18)), ops, "CONFIRMED"));
        Long onBehalf = daysAgo(2, () -> place(new Placer(manager, stroy.id(), stroy.companyId(), Channel.ON_BEHALF),
                lines(stocked.subList(18, 20), 4), "по телефону", "Звонок прораба"));

        long betaBuyer = seeding.accountId("buyer@beta.demo");
        LegalEntityRef beta = entity(betaBuyer, "5027123457");
        List<Stocked> fasteners = stocked(customers.termsOf(beta.id()).assortment(), 10);
        Placer betaPlacer = new Placer(betaBuyer, beta.id(), beta.companyId(), Channel.API);
        Long betaDone = fasteners.size() < 6 ? null : daysAgo(33, () -> advance(place(betaPlacer,
                lines(fasteners.subList(0, 3), 30), "B-77", null), ops, "COMPLETED"));
        Long betaNew = fasteners.size() < 6 ? null : daysAgo(1, () -> place(betaPlacer,
                lines(fasteners.subList(3, 6), 30), "B-81", null));

        backdate(completed, 118);
        backdate(delivered, 76);
        backdate(cancelled, 60);
        backdate(shipped, 41);
        backdate(backorder, 20);
        backdate(merged, 9);
        backdate(onBehalf, 2);
        backdate(betaDone, 33);
        backdate(betaNew, 1);
    }

    private static Long daysAgo(int days, java.util.function.Supplier<Long> work) {
        return BusinessDate.asOf(BusinessDate.today().minusDays(days), work);
    }

    private LegalEntityRef entity(long user, String inn) {
        return customers.actingEntities(user).stream().filter(e -> inn.equals(e.inn())).findFirst().orElseThrow();
    }

    /** Active products with a price and the most stock (of an assortment segment, or all), no backorders. */
    private List<Stocked> stocked(String segment, int limit) {
        return jdbc.sql("""
                        select p.id, p.sku, p.pack_multiple as pack, p.min_order_qty as minimum, s.available
                          from catalog.product p
                          join lateral (select sum(greatest(on_hand - reserved - held, 0)) as available from catalog.stock
                                         where product_id = p.id) s on true
                         where p.status = 'ACTIVE' and s.available >= p.pack_multiple * 12
                           and p.min_order_qty <= p.pack_multiple * 4
                           and exists (select 1 from pricing.price pr where pr.product_id = p.id)
                           and (cast(:segment as text) is null
                                or exists (select 1 from catalog.segment_item si
                                             left join catalog.category sc on sc.id = si.category_id
                                            where si.segment_code = :segment
                                              and (si.product_id = p.id
                                                   or (select pc.path from catalog.category pc
                                                        where pc.id = p.category_id) like sc.path || '%')))
                         order by p.sku limit :limit""")
                .param("segment", segment).param("limit", limit).query(Stocked.class).list();
    }

    private static List<CheckoutRequest.RequestedLine> lines(List<Stocked> products, int packs) {
        return products.stream().map(p -> new CheckoutRequest.RequestedLine(p.sku(), p.quantity(packs))).toList();
    }

    private Long place(Placer placer, List<CheckoutRequest.RequestedLine> lines, String po, String comment) {
        try {
            return checkout.place(placer, new CheckoutRequest(List.of(), lines, false, false, null, List.of(), null, po,
                    comment)).getFirst();
        } catch (DomainException e) {
            LOG.warn("A demo order was not placed: {}", e.getMessage());
            return null;
        }
    }

    /** One line beyond stock of a product that may be backordered, next to an ordinary one. */
    private Long placeWithBackorder(Placer placer, List<Stocked> ordinary) {
        record Backorderable(String sku, BigDecimal pack, BigDecimal available) {
        }
        List<Backorderable> found = jdbc.sql("""
                        select p.sku, p.pack_multiple as pack, s.available
                          from catalog.product p
                          join lateral (select coalesce(sum(greatest(on_hand - reserved - held, 0)), 0) as available from catalog.stock
                                         where product_id = p.id) s on true
                         where p.status = 'ACTIVE' and p.backorder_allowed and p.min_order_qty <= p.pack_multiple
                           and exists (select 1 from pricing.price pr where pr.product_id = p.id)
                         order by p.sku limit 1""")
                .query(Backorderable.class).list();
        List<CheckoutRequest.RequestedLine> lines = new ArrayList<>(lines(ordinary, 6));
        found.forEach(b -> lines.add(new CheckoutRequest.RequestedLine(b.sku(),
                b.available().max(BigDecimal.ZERO).divideToIntegralValue(b.pack()).add(BigDecimal.valueOf(5))
                        .multiply(b.pack()))));
        return place(placer, lines, "ПЗ-1120", "Остаток — когда придёт");
    }

    /** The seed's case: two workshop requests checked out as one order with one invoice. */
    private Long mergedCarts(Placer placer, List<Stocked> products) {
        List<Long> carts = new ArrayList<>();
        for (String name : List.of("Ремонтный цех — март", "Покрасочный цех — март")) {
            carts.add(jdbc.sql("""
                            insert into ordering.cart (legal_entity_id, owner_id, name, updated_by)
                            values (:entity, :owner, :name, :owner) returning id""")
                    .param("entity", placer.legalEntityId()).param("owner", placer.userId()).param("name", name)
                    .query(Long.class).single());
        }
        for (int i = 0; i < products.size(); i++) {
            Stocked p = products.get(i);
            jdbc.sql("""
                            insert into ordering.cart_line (cart_id, product_id, quantity, added_by, updated_by)
                            values (:cart, :product, :quantity, :owner, :owner)""")
                    .param("cart", carts.get(i % 2)).param("product", p.id()).param("quantity", p.quantity(8))
                    .param("owner", placer.userId()).update();
        }
        try {
            return checkout.place(placer, new CheckoutRequest(carts, List.of(), true, true, null, List.of(), null,
                    "ПЗ-1131", "Две заявки цехов — один счёт")).getFirst();
        } catch (DomainException e) {
            LOG.warn("The demo merged-cart order was not placed: {}", e.getMessage());
            return null;
        }
    }

    /** Moves an order along its lifecycle up to the given status, shipping everything (or half of each line). */
    private Long advance(Long order, long staff, String target) {
        if (order == null) {
            return null;
        }
        lifecycle.confirm(order, staff);
        if ("CONFIRMED".equals(target)) {
            return order;
        }
        lifecycle.startFulfilment(order, staff);
        record Line(int lineNo, BigDecimal quantity, BigDecimal reserved) {
        }
        List<Line> lines = jdbc.sql("select line_no, quantity, reserved from ordering.order_line where order_id = :id")
                .param("id", order).query(Line.class).list();
        if ("PARTIALLY_SHIPPED".equals(target)) {
            lifecycle.ship(order, staff, Map.of(lines.getFirst().lineNo(), lines.getFirst().reserved()));
            return order;
        }
        Map<Integer, BigDecimal> all = new java.util.HashMap<>();
        lines.forEach(l -> all.put(l.lineNo(), l.quantity()));
        lifecycle.ship(order, staff, all);
        if ("SHIPPED".equals(target)) {
            return order;
        }
        lifecycle.deliver(order, staff);
        if ("COMPLETED".equals(target)) {
            lifecycle.complete(order, staff);
        }
        return order;
    }

    /** Dates an order and its history back by so many days (events an hour apart, as if it happened then). */
    private void backdate(Long order, int days) {
        if (order == null) {
            return;
        }
        jdbc.sql("""
                        update ordering.orders set created_at = created_at - make_interval(days => :days),
                                                   updated_at = updated_at - make_interval(days => :days)
                         where id = :id""")
                .param("days", days).param("id", order).update();
        jdbc.sql("""
                        update ordering.order_event e
                           set at = o.created_at + make_interval(hours => (e.id - first.id)::int * 20)
                          from ordering.orders o,
                               (select min(id) as id from ordering.order_event where order_id = :id) first
                         where e.order_id = :id and o.id = e.order_id""")
                .param("id", order).update();
        jdbc.sql("""
                        update ordering.shipment s
                           set shipped_at = (select max(at) from ordering.order_event e
                                              where e.order_id = s.order_id and e.action = 'SHIPPED')
                         where s.order_id = :id""")
                .param("id", order).update();
    }
}
