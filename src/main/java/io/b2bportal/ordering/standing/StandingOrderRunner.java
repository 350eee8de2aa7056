package io.b2bportal.ordering.standing;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.CheckoutRequest.RequestedLine;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.ordering.order.Submissions;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.QuoteLine;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places the due occurrences of standing orders, on any number of nodes at once without placing one twice.
 *
 * <ol>
 *   <li>Claim, in a short transaction: the first due active standing order is locked ({@code for update skip locked}:
 *   other nodes take the next one), its occurrence for that date is inserted (unique per date: never two) as
 *   PROCESSING, and its next date moves on (a backlog after downtime gives one occurrence, not one per missed date).
 *   </li>
 *   <li>Check, outside any transaction: every line still orderable for the entity (assortment, not discontinued), in
 *   stock or backorderable, priced, and no unit price risen more than the buyer allows since they last agreed. Any
 *   finding holds the occurrence for the buyer's review (WAITING_REVIEW) and mails the owner.</li>
 *   <li>Place through the normal checkout (all its checks: minimum order, credit, reservation) with the idempotency
 *   key {@code standing-occurrence-<id>}, then record PLACED and the prices agreed from now on. A refusal of the
 *   checkout holds the occurrence for review with its reason.</li>
 * </ol>
 * A node that dies between claim and record leaves PROCESSING behind; after {@code portal.standing-orders.stale}
 * any node takes it again (claiming it with a conditional update), and the idempotency key returns the order placed
 * before the crash instead of placing another.
 */
@Service
public class StandingOrderRunner {

    private static final Logger log = LoggerFactory.getLogger(StandingOrderRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CatalogApi catalog;
    private final PricingApi pricing;
    private final Submissions submissions;
    private final Mailer mailer;
    private final PlatformApi platform;
    private final MessageSource messages;
    private final Duration stale;

    StandingOrderRunner(JdbcClient jdbc, TransactionTemplate tx, CatalogApi catalog, PricingApi pricing,
            Submissions submissions, Mailer mailer, PlatformApi platform, MessageSource messages,
            @Value("${portal.standing-orders.stale:10m}") Duration stale) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.catalog = catalog;
        this.pricing = pricing;
        this.submissions = submissions;
        this.mailer = mailer;
        this.platform = platform;
        this.messages = messages;
        this.stale = stale;
    }

    @Scheduled(fixedDelayString = "${portal.standing-orders.poll-interval:1m}",
            initialDelayString = "${portal.standing-orders.poll-interval:1m}")
    void poll() {
        try {
            runDue(LocalDate.now(Checkout.ZONE));
        } catch (RuntimeException e) {
            log.warn("Standing orders: a run stopped early; the next poll goes on", e);
        }
    }

    /** Places (or holds for review) every occurrence due on or before {@code today}; returns how many it handled. */
    public int runDue(LocalDate today) {
        int handled = 0;
        for (Optional<Long> claimed = claim(today); claimed != null; claimed = claim(today)) {
            if (claimed.isPresent()) {
                process(claimed.get());
                handled++;
            }
        }
        for (long occurrence : reclaimStale()) {
            process(occurrence);
            handled++;
        }
        return handled;
    }

    /** The occurrence claimed; empty when its date had one already; null when nothing is due. */
    private Optional<Long> claim(LocalDate today) {
        return tx.execute(status -> {
            record Due(long id, LocalDate nextDate, String frequency, Integer dayOfWeek, Integer dayOfMonth,
                    LocalDate endsOn) {
            }
            Optional<Due> due = jdbc.sql("""
                            select id, next_date, frequency, day_of_week, day_of_month, ends_on
                              from ordering.standing_order
                             where status = 'ACTIVE' and next_date <= :today
                             order by next_date, id limit 1 for update skip locked""")
                    .param("today", today).query(Due.class).optional();
            if (due.isEmpty()) {
                return null;
            }
            Due d = due.get();
            Optional<Long> occurrence = jdbc.sql("""
                            insert into ordering.standing_occurrence (standing_order_id, due_date, status)
                            values (:id, :date, 'PROCESSING') on conflict do nothing returning id""")
                    .param("id", d.id()).param("date", d.nextDate()).query(Long.class).optional();
            Schedule schedule = new Schedule(Schedule.Frequency.valueOf(d.frequency()), d.dayOfWeek(), d.dayOfMonth());
            LocalDate next = schedule.after(d.nextDate().isBefore(today) ? today : d.nextDate());
            jdbc.sql("""
                            update ordering.standing_order
                               set next_date = :next, status = case when :ended then 'ENDED' else status end
                             where id = :id""")
                    .param("next", next).param("ended", d.endsOn() != null && next.isAfter(d.endsOn()))
                    .param("id", d.id()).update();
            return occurrence;
        });
    }

    private List<Long> reclaimStale() {
        return tx.execute(status -> jdbc.sql("""
                        update ordering.standing_occurrence set claimed_at = now()
                         where id in (select id from ordering.standing_occurrence
                                       where status = 'PROCESSING' and claimed_at < now() - cast(:stale as interval)
                                       for update skip locked)
                        returning id""")
                .param("stale", stale.toSeconds() + " seconds").query(Long.class).list());
    }

    record Standing(long id, long occurrenceId, LocalDate dueDate, String name, long companyId, long legalEntityId,
            long ownerId, BigDecimal maxPriceRisePct, Long addressId, String poNumber, String comment) {
    }

    record Line(int lineNo, long productId, String sku, BigDecimal quantity, BigDecimal agreedUnitGross) {
    }

    /** One finding that holds an occurrence for review. */
    public record Reason(String code, String sku, BigDecimal agreed, BigDecimal now, BigDecimal percent,
            BigDecimal available, BigDecimal quantity, Map<String, String> refusal) {
    }

    private void process(long occurrenceId) {
        Standing s = jdbc.sql("""
                        select s.id, o.id as occurrence_id, o.due_date, s.name, s.company_id, s.legal_entity_id,
                               s.owner_id, s.max_price_rise_pct, s.address_id, s.po_number, s.comment
                          from ordering.standing_occurrence o join ordering.standing_order s on s.id = o.standing_order_id
                         where o.id = :id and o.status = 'PROCESSING'""")
                .param("id", occurrenceId).query(Standing.class).optional().orElse(null);
        if (s == null) {
            return;
        }
        List<Line> lines = lines(s.id());
        Optional<Long> placedBefore = placedWithKey(s.ownerId(), key(occurrenceId));
        if (placedBefore.isPresent()) {
            placed(s, lines, placedBefore.get(), null);
            return;
        }
        List<Reason> reasons = check(s, lines);
        if (!reasons.isEmpty()) {
            hold(s, reasons);
            return;
        }
        place(s, lines, s.ownerId());
    }

    /** Places the occurrence now (the scheduler, or the buyer after reviewing it); holds it again if checkout refuses. */
    boolean place(Standing s, List<Line> lines, long userId) {
        try {
            Submissions.Placed placed = submissions.place(new Placer(userId, s.legalEntityId(), s.companyId(),
                    Channel.STANDING_ORDER), request(s, lines), key(s.occurrenceId()));
            placed(s, lines, placed.orderIds().getFirst(), userId == s.ownerId() ? null : userId);
            return true;
        } catch (DomainException e) {
            // checkout's reason in both languages as it said it then (its arguments may be messages themselves)
            Map<String, String> refusal = new java.util.TreeMap<>();
            for (Locale locale : List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH)) {
                refusal.put(locale.getLanguage(), messages.getMessage(new org.springframework.context.support
                        .DefaultMessageSourceResolvable(new String[] {e.messageKey()}, resolved(e.arguments(), locale),
                        e.messageKey()), locale));
            }
            hold(s, List.of(new Reason("REFUSED", null, null, null, null, null, null, refusal)));
            return false;
        }
    }

    List<Line> lines(long standingOrderId) {
        return jdbc.sql("""
                        select line_no, product_id, sku, quantity, agreed_unit_gross from ordering.standing_order_line
                         where standing_order_id = :id order by line_no""")
                .param("id", standingOrderId).query(Line.class).list();
    }

    Standing standing(long occurrenceId) {
        return jdbc.sql("""
                        select s.id, o.id as occurrence_id, o.due_date, s.name, s.company_id, s.legal_entity_id,
                               s.owner_id, s.max_price_rise_pct, s.address_id, s.po_number, s.comment
                          from ordering.standing_occurrence o join ordering.standing_order s on s.id = o.standing_order_id
                         where o.id = :id""")
                .param("id", occurrenceId).query(Standing.class).single();
    }

    private List<Reason> check(Standing s, List<Line> lines) {
        List<Reason> reasons = new ArrayList<>();
        Map<Long, OrderableProduct> products = catalog.orderableById(
                lines.stream().map(Line::productId).toList(), s.legalEntityId()).stream()
                .collect(Collectors.toMap(OrderableProduct::id, Function.identity()));
        List<PricedLine> prices = pricing.prices(s.legalEntityId(),
                lines.stream().map(l -> new QuoteLine(null, l.productId(), l.quantity())).toList());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            OrderableProduct product = products.get(line.productId());
            if (product == null || !product.inAssortment() || product.discontinued()) {
                reasons.add(new Reason("NOT_ORDERABLE", line.sku(), null, null, null, null, line.quantity(), null));
                continue;
            }
            if (product.available().compareTo(line.quantity()) < 0 && !product.backorderAllowed()) {
                reasons.add(new Reason("STOCK_SHORT", line.sku(), null, null, null,
                        product.available().max(BigDecimal.ZERO), line.quantity(), null));
            }
            PricedLine price = prices.get(i);
            if (price.unitGross() == null) {
                reasons.add(new Reason("NO_PRICE", line.sku(), null, null, null, null, line.quantity(), null));
            } else if (line.agreedUnitGross() != null && line.agreedUnitGross().signum() > 0) {
                BigDecimal percent = price.unitGross().subtract(line.agreedUnitGross()).multiply(BigDecimal.valueOf(100))
                        .divide(line.agreedUnitGross(), 2, RoundingMode.HALF_UP);
                if (percent.compareTo(s.maxPriceRisePct()) > 0) {
                    reasons.add(new Reason("PRICE_ROSE", line.sku(), line.agreedUnitGross(), price.unitGross(), percent,
                            null, line.quantity(), null));
                }
            }
        }
        return reasons;
    }

    private static CheckoutRequest request(Standing s, List<Line> lines) {
        return new CheckoutRequest(List.of(), lines.stream().map(l -> new RequestedLine(l.sku(), l.quantity())).toList(),
                false, false, s.addressId(), List.of(), null, s.poNumber(),
                s.comment() == null ? s.name() : s.name() + ": " + s.comment());
    }

    private Optional<Long> placedWithKey(long userId, String key) {
        return jdbc.sql("select order_ids[1] from ordering.idempotency_key where user_id = :user and key = :key")
                .param("user", userId).param("key", key).query(Long.class).optional();
    }

    private void placed(Standing s, List<Line> lines, long orderId, Long resolvedBy) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            update ordering.standing_occurrence
                               set status = 'PLACED', order_id = :order, resolved_at = now(), resolved_by = :by
                             where id = :id""")
                    .param("order", orderId).param("by", resolvedBy).param("id", s.occurrenceId()).update();
            // the prices of this order are what the buyer agreed to from now on
            jdbc.sql("""
                            update ordering.standing_order_line l set agreed_unit_gross = ol.unit_gross
                              from ordering.order_line ol
                             where l.standing_order_id = :standing and ol.order_id = :order
                               and ol.product_id = l.product_id""")
                    .param("standing", s.id()).param("order", orderId).update();
        });
    }

    private void hold(Standing s, List<Reason> reasons) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            update ordering.standing_occurrence set status = 'WAITING_REVIEW', reasons = cast(:reasons as jsonb)
                             where id = :id""")
                    .param("reasons", JSON.writeValueAsString(reasons)).param("id", s.occurrenceId()).update();
            platform.account(s.ownerId()).map(PortalUser::email).ifPresent(email -> mailer.send(mail(email, s, reasons)));
        });
    }

    private OutgoingMail mail(String to, Standing s, List<Reason> reasons) {
        StringBuilder text = new StringBuilder();
        for (Locale locale : List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH)) {
            text.append(messages.getMessage("standing.mail.text", new Object[] {s.name(), s.dueDate()}, locale))
                    .append("\n");
            for (Reason reason : reasons) {
                text.append(" - ").append(describe(reason, locale)).append("\n");
            }
            text.append(messages.getMessage("standing.mail.link", new Object[] {"/standing-orders/" + s.id()}, locale))
                    .append("\n\n");
        }
        return new OutgoingMail(to, messages.getMessage("standing.mail.subject", new Object[] {s.name()},
                Locale.forLanguageTag("ru")), text.toString(), null, "ordering.standing-order.review");
    }

    /** A finding in words. */
    public String describe(Reason reason, Locale locale) {
        return switch (reason.code()) {
            case "PRICE_ROSE" -> messages.getMessage("standing.reason.price-rose", new Object[] {reason.sku(),
                    reason.agreed().setScale(2, RoundingMode.HALF_UP), reason.now().setScale(2, RoundingMode.HALF_UP),
                    reason.percent()}, locale);
            case "STOCK_SHORT" -> messages.getMessage("standing.reason.stock-short", new Object[] {reason.sku(),
                    reason.available().stripTrailingZeros().toPlainString(),
                    reason.quantity().stripTrailingZeros().toPlainString()}, locale);
            case "NOT_ORDERABLE" -> messages.getMessage("standing.reason.not-orderable", new Object[] {reason.sku()},
                    locale);
            case "NO_PRICE" -> messages.getMessage("standing.reason.no-price", new Object[] {reason.sku()}, locale);
            default -> messages.getMessage("standing.reason.refused", new Object[] {reason.refusal() == null ? ""
                    : reason.refusal().getOrDefault(locale.getLanguage(), reason.refusal().get("ru"))}, locale);
        };
    }

    private Object[] resolved(Object[] arguments, Locale locale) {
        Object[] plain = arguments.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof org.springframework.context.MessageSourceResolvable nested) {
                plain[i] = messages.getMessage(nested, locale);
            }
        }
        return plain;
    }

    static String key(long occurrenceId) {
        return "standing-occurrence-" + occurrenceId;
    }
}
