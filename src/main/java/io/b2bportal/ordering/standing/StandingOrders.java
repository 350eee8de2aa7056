package io.b2bportal.ordering.standing;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.ordering.cart.Buyer;
import io.b2bportal.ordering.cart.Carts;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.OrderView;
import io.b2bportal.ordering.order.Orders;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer's standing orders: set up from a cart or a past order, repeated weekly or monthly until an end date,
 * paused, resumed, cancelled. They belong to the legal entity: every user acting for it sees and manages them
 * (staff viewing as the customer only read). {@link StandingOrderRunner} places the occurrences.
 */
@Service
public class StandingOrders {

    static final BigDecimal DEFAULT_MAX_RISE = new BigDecimal("5");

    private final JdbcClient jdbc;
    private final Carts carts;
    private final Orders orders;
    private final PricingApi pricing;
    private final CustomersApi customers;

    StandingOrders(JdbcClient jdbc, Carts carts, Orders orders, PricingApi pricing, CustomersApi customers) {
        this.jdbc = jdbc;
        this.carts = carts;
        this.orders = orders;
        this.pricing = pricing;
        this.customers = customers;
    }

    /**
     * What a buyer sets up: the lines come from one of their carts or one of their entity's orders.
     *
     * @param firstDate the first occurrence; null for the schedule's first date from tomorrow
     */
    public record Setup(String name, Long cartId, String orderNumber, Schedule schedule, LocalDate firstDate,
            LocalDate endsOn, BigDecimal maxPriceRisePercent, Long addressId, String poNumber, String comment) {
    }

    /** A change of the schedule and its limits (the lines stay as set up). */
    public record Change(Schedule schedule, LocalDate nextDate, LocalDate endsOn, BigDecimal maxPriceRisePercent) {
    }

    public record Summary(long id, String name, String frequency, Integer dayOfWeek, Integer dayOfMonth,
            LocalDate nextDate, LocalDate endsOn, String status, BigDecimal maxPriceRisePercent, int lines,
            int waiting, String ownerName, OffsetDateTime createdAt) {
    }

    public record Line(int lineNo, long productId, String sku, BigDecimal quantity, BigDecimal agreedUnitGross) {
    }

    /**
     * @param reasons why it waits, as stored ({@code [{"code": "PRICE_ROSE", …}]})
     */
    public record Occurrence(long id, LocalDate dueDate, String status, String reasons, Long orderId,
            String orderNumber, OffsetDateTime claimedAt, OffsetDateTime resolvedAt) {

        public boolean waiting() {
            return "WAITING_REVIEW".equals(status);
        }
    }

    public record Details(Summary summary, Long addressId, String poNumber, String comment, String source,
            List<Line> lines, List<Occurrence> occurrences) {
    }

    private static final String SUMMARY = """
            select s.id, s.name, s.frequency, s.day_of_week, s.day_of_month, s.next_date, s.ends_on, s.status,
                   s.max_price_rise_pct as max_price_rise_percent,
                   (select count(*) from ordering.standing_order_line l where l.standing_order_id = s.id) as lines,
                   (select count(*) from ordering.standing_occurrence o
                     where o.standing_order_id = s.id and o.status = 'WAITING_REVIEW') as waiting,
                   u.display_name as owner_name, s.created_at
              from ordering.standing_order s join platform.user_account u on u.id = s.owner_id
            """;

    @Transactional(readOnly = true)
    public List<Summary> list(Buyer buyer) {
        return jdbc.sql(SUMMARY + " where s.legal_entity_id = :entity order by s.status = 'CANCELLED', s.next_date, s.id")
                .param("entity", buyer.legalEntityId()).query(Summary.class).list();
    }

    @Transactional(readOnly = true)
    public Details get(Buyer buyer, long id) {
        Summary summary = jdbc.sql(SUMMARY + " where s.id = :id and s.legal_entity_id = :entity")
                .param("id", id).param("entity", buyer.legalEntityId()).query(Summary.class).optional()
                .orElseThrow(() -> DomainException.notFound("standing-order", id));
        record Rest(Long addressId, String poNumber, String comment, String source) {
        }
        Rest rest = jdbc.sql("select address_id, po_number, comment, source from ordering.standing_order where id = :id")
                .param("id", id).query(Rest.class).single();
        List<Line> lines = jdbc.sql("""
                        select line_no, product_id, sku, quantity, agreed_unit_gross from ordering.standing_order_line
                         where standing_order_id = :id order by line_no""")
                .param("id", id).query(Line.class).list();
        List<Occurrence> occurrences = jdbc.sql("""
                        select o.id, o.due_date, o.status, o.reasons::text as reasons, o.order_id, r.number as order_number,
                               o.claimed_at, o.resolved_at
                          from ordering.standing_occurrence o left join ordering.orders r on r.id = o.order_id
                         where o.standing_order_id = :id order by o.due_date desc limit 100""")
                .param("id", id).query(Occurrence.class).list();
        return new Details(summary, rest.addressId(), rest.poNumber(), rest.comment(), rest.source(), lines,
                occurrences);
    }

    /** Sets a standing order up; the lines' prices today are what later price rises are measured against. */
    @Transactional
    public long create(Buyer buyer, Setup setup) {
        requireChanger(buyer);
        String name = setup.name() == null ? "" : setup.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("bad-standing-order", "standing.refused.name");
        }
        if (setup.schedule() == null) {
            throw DomainException.invalid("bad-schedule", "standing.refused.frequency");
        }
        record Wanted(long productId, BigDecimal quantity) {
        }
        List<Wanted> wanted;
        String source;
        if (setup.cartId() != null && setup.orderNumber() == null) {
            carts.get(buyer, setup.cartId());
            wanted = jdbc.sql("select product_id, quantity from ordering.cart_line where cart_id = :cart order by id")
                    .param("cart", setup.cartId()).query(Wanted.class).list();
            source = "CART " + setup.cartId();
        } else if (setup.orderNumber() != null && setup.cartId() == null) {
            OrderView order = orders.get(Orders.Scope.buyer(buyer.legalEntityId()), setup.orderNumber());
            wanted = order.lines().stream().map(l -> new Wanted(l.productId(), l.quantity())).toList();
            source = "ORDER " + order.number();
        } else {
            throw DomainException.invalid("bad-standing-order", "standing.refused.source");
        }
        if (wanted.isEmpty()) {
            throw DomainException.invalid("empty-standing-order", "standing.refused.empty");
        }
        if (wanted.size() > PricingApi.MAX_LINES) {
            throw DomainException.invalid("too-many-lines", "standing.refused.too-many-lines", PricingApi.MAX_LINES);
        }
        LocalDate today = LocalDate.now(Checkout.ZONE);
        LocalDate first = setup.firstDate() == null ? setup.schedule().onOrAfter(today.plusDays(1)) : setup.firstDate();
        checkDates(today, first, setup.endsOn());
        BigDecimal maxRise = maxRise(setup.maxPriceRisePercent());
        checkTexts(setup.poNumber(), setup.comment());
        if (setup.addressId() != null && customers.deliveryAddress(buyer.legalEntityId(), setup.addressId()).isEmpty()) {
            throw DomainException.invalid("bad-address", "orders.refused.address", setup.addressId());
        }
        List<PricedLine> prices = pricing.prices(buyer.legalEntityId(),
                wanted.stream().map(w -> new QuoteLine(null, w.productId(), w.quantity())).toList());
        long id = jdbc.sql("""
                        insert into ordering.standing_order (name, company_id, legal_entity_id, owner_id, frequency,
                               day_of_week, day_of_month, next_date, ends_on, max_price_rise_pct, address_id, po_number,
                               comment, source)
                        values (:name, :company, :entity, :owner, :frequency, :dow, :dom, :next, :ends, :maxRise,
                                :address, :po, :comment, :source)
                        returning id""")
                .param("name", name).param("company", buyer.companyId()).param("entity", buyer.legalEntityId())
                .param("owner", buyer.userId()).param("frequency", setup.schedule().frequency().name())
                .param("dow", setup.schedule().dayOfWeek()).param("dom", setup.schedule().dayOfMonth())
                .param("next", first).param("ends", setup.endsOn()).param("maxRise", maxRise)
                .param("address", setup.addressId()).param("po", blankToNull(setup.poNumber()))
                .param("comment", blankToNull(setup.comment())).param("source", source)
                .query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            PricedLine price = prices.get(i);
            rows.add(new Object[] {id, i + 1, wanted.get(i).productId(), price.sku(), wanted.get(i).quantity(),
                    price.unitGross()});
        }
        jdbc.sql("""
                        insert into ordering.standing_order_line (standing_order_id, line_no, product_id, sku, quantity,
                               agreed_unit_gross)
                        select :id, t.line_no, t.product_id, p.sku, t.quantity, t.price
                          from unnest(cast(:lineNos as int[]), cast(:products as bigint[]), cast(:quantities as numeric[]),
                                      cast(:prices as numeric[])) as t(line_no, product_id, quantity, price)
                          join catalog.product p on p.id = t.product_id""")
                .param("id", id)
                .param("lineNos", rows.stream().map(r -> (Integer) r[1]).toArray(Integer[]::new))
                .param("products", rows.stream().map(r -> (Long) r[2]).toArray(Long[]::new))
                .param("quantities", rows.stream().map(r -> (BigDecimal) r[4]).toArray(BigDecimal[]::new))
                .param("prices", rows.stream().map(r -> (BigDecimal) r[5]).toArray(BigDecimal[]::new))
                .update();
        return id;
    }

    /** A new schedule, next date, end date or price-rise limit. */
    @Transactional
    public void change(Buyer buyer, long id, Change change) {
        requireChanger(buyer);
        Summary current = get(buyer, id).summary();
        if ("CANCELLED".equals(current.status())) {
            throw DomainException.conflict("standing-order-cancelled", "standing.refused.cancelled");
        }
        Schedule schedule = change.schedule() == null ? new Schedule(Schedule.Frequency.valueOf(current.frequency()),
                current.dayOfWeek(), current.dayOfMonth()) : change.schedule();
        LocalDate today = LocalDate.now(Checkout.ZONE);
        LocalDate next = change.nextDate() == null ? schedule.onOrAfter(today.plusDays(1)) : change.nextDate();
        checkDates(today, next, change.endsOn());
        jdbc.sql("""
                        update ordering.standing_order
                           set frequency = :frequency, day_of_week = :dow, day_of_month = :dom, next_date = :next,
                               ends_on = :ends, max_price_rise_pct = :maxRise,
                               status = case when status = 'ENDED' then 'ACTIVE' else status end, updated_at = now()
                         where id = :id""")
                .param("frequency", schedule.frequency().name()).param("dow", schedule.dayOfWeek())
                .param("dom", schedule.dayOfMonth()).param("next", next).param("ends", change.endsOn())
                .param("maxRise", maxRise(change.maxPriceRisePercent() == null ? current.maxPriceRisePercent()
                        : change.maxPriceRisePercent()))
                .param("id", id).update();
    }

    @Transactional
    public void pause(Buyer buyer, long id) {
        setStatus(buyer, id, "ACTIVE", "PAUSED");
    }

    /** Resumes a paused standing order; a next date that passed meanwhile moves to the schedule's next one. */
    @Transactional
    public void resume(Buyer buyer, long id) {
        setStatus(buyer, id, "PAUSED", "ACTIVE");
        Details details = get(buyer, id);
        Summary s = details.summary();
        LocalDate today = LocalDate.now(Checkout.ZONE);
        if (s.nextDate().isBefore(today)) {
            LocalDate next = new Schedule(Schedule.Frequency.valueOf(s.frequency()), s.dayOfWeek(), s.dayOfMonth())
                    .onOrAfter(today);
            String status = s.endsOn() != null && next.isAfter(s.endsOn()) ? "ENDED" : "ACTIVE";
            jdbc.sql("update ordering.standing_order set next_date = :next, status = :status where id = :id")
                    .param("next", next).param("status", status).param("id", id).update();
        }
    }

    @Transactional
    public void cancel(Buyer buyer, long id) {
        requireChanger(buyer);
        get(buyer, id);
        jdbc.sql("update ordering.standing_order set status = 'CANCELLED', updated_at = now() where id = :id")
                .param("id", id).update();
    }

    private void setStatus(Buyer buyer, long id, String from, String to) {
        requireChanger(buyer);
        Summary current = get(buyer, id).summary();
        if (!from.equals(current.status())) {
            throw DomainException.conflict("standing-order-status", "standing.refused.status",
                    current.status().toLowerCase(), to.toLowerCase());
        }
        jdbc.sql("update ordering.standing_order set status = :to, updated_at = now() where id = :id")
                .param("to", to).param("id", id).update();
    }

    /** The occurrence of a standing order of the buyer's entity, for its review. */
    @Transactional(readOnly = true)
    public Occurrence occurrence(Buyer buyer, long standingOrderId, long occurrenceId) {
        return get(buyer, standingOrderId).occurrences().stream().filter(o -> o.id() == occurrenceId).findFirst()
                .orElseThrow(() -> DomainException.notFound("occurrence", occurrenceId));
    }

    static void requireChanger(Buyer buyer) {
        if (buyer.viewAs()) {
            throw new DomainException(403, "read-only", "standing.refused.view-as");
        }
    }

    private static void checkDates(LocalDate today, LocalDate next, LocalDate endsOn) {
        if (next.isBefore(today) || next.isAfter(today.plusYears(2))) {
            throw DomainException.invalid("bad-schedule", "standing.refused.next-date");
        }
        if (endsOn != null && endsOn.isBefore(next)) {
            throw DomainException.invalid("bad-schedule", "standing.refused.ends-before");
        }
    }

    private static BigDecimal maxRise(BigDecimal percent) {
        if (percent == null) {
            return DEFAULT_MAX_RISE;
        }
        if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0 || percent.scale() > 2
                && percent.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("bad-standing-order", "standing.refused.max-rise");
        }
        return percent;
    }

    private static void checkTexts(String po, String comment) {
        if (po != null && po.strip().length() > 50 || comment != null && comment.strip().length() > 2000) {
            throw DomainException.invalid("bad-standing-order", "standing.refused.texts");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
