package io.b2bportal.crm.rules;

import io.b2bportal.crm.rules.Rules.Rule;
import io.b2bportal.crm.rules.TriggerCatalog.Occurrence;
import io.b2bportal.ordering.OrderingApi;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The triggers nobody publishes: carts nobody touched for N days and regular customers (at least three orders)
 * with no order for N days. Looked for on a schedule (only where scheduling is on); each occurrence's key holds
 * the cart's last change or the last order, so it fires once until something changes.
 */
@Component
public class ScheduledTriggers {

    static final int REGULAR_ORDERS = 3;

    private final Rules rules;
    private final RuleEngine engine;
    private final OrderingApi ordering;

    ScheduledTriggers(Rules rules, RuleEngine engine, OrderingApi ordering) {
        this.rules = rules;
        this.engine = engine;
        this.ordering = ordering;
    }

    @Scheduled(fixedDelayString = "${portal.crm.rules.scan-interval:1h}", initialDelayString = "${portal.crm.rules.scan-delay:2m}")
    void scheduled() {
        scan(Instant.now());
    }

    /** Runs the scheduled rules as of {@code now}. */
    public void scan(Instant now) {
        for (Rule rule : rules.enabledOn("CART_UNTOUCHED")) {
            for (OrderingApi.IdleCart cart : ordering.idleCarts(now.minus(Duration.ofDays(rule.days())), 500)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("cartId", cart.cartId());
                fields.put("cartName", cart.name());
                fields.put("companyId", cart.companyId());
                fields.put("legalEntityId", cart.legalEntityId());
                fields.put("lines", cart.lines());
                fields.put("daysUntouched", Duration.between(cart.changedAt().toInstant(), now).toDays());
                engine.fire(new Occurrence("CART_UNTOUCHED", fields, cart.companyId(),
                        "cart:" + cart.cartId() + ":" + cart.changedAt().toInstant().getEpochSecond()), List.of(rule));
            }
        }
        for (Rule rule : rules.enabledOn("NO_ORDER_FOR")) {
            for (OrderingApi.LapsedCustomer lapsed : ordering.lapsedCustomers(now.minus(Duration.ofDays(rule.days())),
                    REGULAR_ORDERS, 500)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("companyId", lapsed.companyId());
                fields.put("orders", lapsed.orders());
                fields.put("lastOrderNumber", lapsed.lastOrderNumber());
                fields.put("daysSinceLastOrder", Duration.between(lapsed.lastOrderAt().toInstant(), now).toDays());
                engine.fire(new Occurrence("NO_ORDER_FOR", fields, lapsed.companyId(),
                        "no-order:" + lapsed.companyId() + ":" + lapsed.lastOrderId()), List.of(rule));
            }
        }
    }
}
