package io.b2bportal.ordering.demo;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.ordering.order.Channel;
import io.b2bportal.ordering.order.Checkout;
import io.b2bportal.ordering.order.CheckoutRequest;
import io.b2bportal.ordering.order.CheckoutRequest.RequestedLine;
import io.b2bportal.ordering.order.Placer;
import io.b2bportal.platform.DemoData;
import io.b2bportal.pricing.PricingApi;
import io.b2bportal.pricing.QuoteLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Alpha's buyer may order up to 150,000 ₽ per order without approval (set by Alpha's administrator), and one of their
 * orders, above it, waits for Alpha's approver ({@code approver@alpha.demo}).
 */
@Component
class ApprovalsDemoData implements DemoData {

    static final BigDecimal LIMIT = new BigDecimal("150000");

    private final JdbcClient jdbc;
    private final CustomersApi customers;
    private final PricingApi pricing;
    private final Checkout checkout;

    ApprovalsDemoData(JdbcClient jdbc, CustomersApi customers, PricingApi pricing, Checkout checkout) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.pricing = pricing;
        this.checkout = checkout;
    }

    @Override
    public int order() {
        return 630;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long buyer = seeding.accountId("buyer@alpha.demo");
        long admin = seeding.accountId("admin@alpha.demo");
        Optional<LegalEntityRef> stroy = customers.actingEntities(buyer).stream()
                .filter(e -> "7704123450".equals(e.inn())).findFirst();
        if (stroy.isEmpty()) {
            return;
        }
        // the dearest products with plenty in stock, enough of each to go above the limit
        record Stocked(String sku, BigDecimal unit) {
        }
        List<Stocked> products = jdbc.sql("""
                        select p.sku, pr.amount as unit
                          from catalog.product p
                          join pricing.price pr on pr.product_id = p.id and pr.min_qty = 1
                           and pr.price_list_id = (select price_list_id from pricing.price_type where code = 'base')
                         where p.status = 'ACTIVE' and p.pack_multiple = 1 and p.min_order_qty <= 1
                           and (select sum(greatest(on_hand - reserved - held, 0)) from catalog.stock s where s.product_id = p.id) >= 20
                         order by pr.amount desc, p.sku limit 3""")
                .query(Stocked.class).list();
        if (products.size() < 3) {
            return;
        }
        // each line about 45 % of the limit: the order is a little above it (it waits), not a large share of the credit
        BigDecimal share = LIMIT.multiply(new BigDecimal("0.45"));
        List<RequestedLine> lines = products.stream().map(p -> new RequestedLine(p.sku(),
                share.divide(p.unit(), 0, RoundingMode.UP).max(BigDecimal.ONE).min(BigDecimal.valueOf(20)))).toList();
        BigDecimal total = pricing.quote(stroy.get().id(), lines.stream()
                .map(l -> QuoteLine.of(l.sku(), l.quantity().intValue())).toList()).totals().gross();
        if (total.compareTo(LIMIT) <= 0) {
            return;
        }
        jdbc.sql("""
                        insert into customers.approval_limit (company_id, user_id, per_order, updated_by)
                        values (:company, :user, :limit, :admin) on conflict do nothing""")
                .param("company", stroy.get().companyId()).param("user", buyer).param("limit", LIMIT)
                .param("admin", admin).update();
        checkout.place(new Placer(buyer, stroy.get().id(), stroy.get().companyId(), Channel.PORTAL),
                new CheckoutRequest(List.of(), lines, false, false, null, List.of(), null, "ПЗ-1200",
                        "Инструмент для нового участка"));
    }
}
