package io.b2bportal.pricing.demo;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.CustomersApi.CustomerGroup;
import io.b2bportal.platform.DemoData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's prices, so every demo buyer resolves meaningfully (docs/pricing.md):
 * <ul>
 *   <li>the base list (with VAT) prices every product from its purchase cost with a markup, except two winter-suit
 *       sizes left "on request"; fasteners get quantity tiers from 1 000 (−5 %) and 5 000 units (−10 %);</li>
 *   <li>price types "wholesale" (base −10 %, to kopecks) and "dealer" (base −15 %, to whole roubles), which the
 *       demo contracts of Alpha Stroy and Beta name, and the same types for the groups "wholesale" and "dealers";</li>
 *   <li>contract prices for Beta (INN 5027123457) on zinc-plated DIN 933 M8 bolts;</li>
 *   <li>two running promotions (power tools for everyone, anchors for the wholesale group), one starting in a month and
 *       one that ended last week.</li>
 * </ul>
 */
@Component
class PricingDemoData implements DemoData {

    private final JdbcClient jdbc;
    private final CustomersApi customers;

    PricingDemoData(JdbcClient jdbc, CustomersApi customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        long base = jdbc.sql("select id from pricing.price_list where code = 'base'").query(Long.class).single();
        // cost plus a markup (more on small parts), with VAT, to kopecks; no cost: a plausible price from the family
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, min_qty, amount)
                        select :base, p.id, 1,
                               round(coalesce(p.purchase_cost, 100 + (p.id % 40) * 25)
                                     * case when c.path like f.path || '%' then 1.6 else 1.35 end * 1.22, 2)
                          from catalog.product p
                          join catalog.category c on c.id = p.category_id
                          cross join (select path from catalog.category where code = 'fasteners') f
                         where p.sku not like 'SUT-%-64'""")
                .param("base", base).update();
        jdbc.sql("""
                        insert into pricing.price (price_list_id, product_id, min_qty, amount)
                        select pr.price_list_id, pr.product_id, t.min_qty, round(pr.amount * t.factor, 2)
                          from pricing.price pr
                          join catalog.product p on p.id = pr.product_id
                          join catalog.category c on c.id = p.category_id
                          cross join (select path from catalog.category where code = 'fasteners') f
                          cross join (values (1000, 0.95), (5000, 0.90)) t(min_qty, factor)
                         where pr.price_list_id = :base and pr.min_qty = 1 and c.path like f.path || '%'""")
                .param("base", base).update();
        jdbc.sql("""
                        insert into pricing.price_type (code, name, name_en, parent_code, adjustment_kind, adjustment,
                                                        rounding)
                        values ('wholesale', 'Оптовая', 'Wholesale', 'base', 'PERCENT', -10, 'KOPECK'),
                               ('dealer', 'Дилерская', 'Dealer', 'base', 'PERCENT', -15, 'ROUBLE')""").update();
        Map<String, Long> groups = customers.groups().stream()
                .collect(Collectors.toMap(CustomerGroup::code, CustomerGroup::id));
        jdbc.sql("""
                        insert into pricing.group_price_type (group_id, price_type_code)
                        values (:wholesale, 'wholesale'), (:dealers, 'dealer')""")
                .param("wholesale", groups.get("wholesale")).param("dealers", groups.get("dealers")).update();
        jdbc.sql("""
                        insert into pricing.contract_price (legal_entity_id, product_id, amount, currency, includes_vat)
                        select le.id, pr.product_id, round(pr.amount * 0.78, 2), 'RUB', true
                          from customers.legal_entity le
                          join pricing.price pr on pr.price_list_id = :base and pr.min_qty = 1
                          join catalog.product p on p.id = pr.product_id
                         where le.inn = '5027123457' and p.sku like 'BLT-933-M8x%-ZINC'""")
                .param("base", base).update();
        promotions(groups.get("wholesale"));
    }

    private void promotions(long wholesaleGroup) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long powerTools = promotion("Неделя электроинструмента", "Power tools week", today.minus(Duration.ofDays(3)),
                today.plus(Duration.ofDays(11)), "EVERYONE", "PERCENT_OFF", "10", 10);
        scopeCategory(powerTools, "power-tools");
        long anchors = promotion("Оптовикам: анкеры со скидкой", "Wholesale: anchors on sale",
                today.minus(Duration.ofDays(1)), today.plus(Duration.ofDays(20)), "GROUPS", "PERCENT_OFF", "15", 20);
        scopeCategory(anchors, "anchors");
        jdbc.sql("insert into pricing.promotion_target (promotion_id, group_id) values (:p, :g)")
                .param("p", anchors).param("g", wholesaleGroup).update();
        long winter = promotion("Зимняя спецодежда", "Winter workwear", today.plus(Duration.ofDays(30)),
                today.plus(Duration.ofDays(60)), "EVERYONE", "AMOUNT_OFF", "300", 0);
        scopeCategory(winter, "suits");
        long summer = promotion("Летняя покраска", "Summer painting", today.minus(Duration.ofDays(40)),
                today.minus(Duration.ofDays(7)), "EVERYONE", "PERCENT_OFF", "20", 0);
        scopeCategory(summer, "enamel");
    }

    private long promotion(String name, String nameEn, Instant startsAt, Instant endsAt, String target, String effect,
            String value, int priority) {
        return jdbc.sql("""
                        insert into pricing.promotion (name, name_en, starts_at, ends_at, target, effect, value,
                                                       priority)
                        values (:name, :nameEn, :startsAt, :endsAt, :target, :effect, cast(:value as numeric),
                                :priority)
                        returning id""")
                .param("name", name).param("nameEn", nameEn).param("startsAt", Timestamp.from(startsAt))
                .param("endsAt", Timestamp.from(endsAt)).param("target", target).param("effect", effect)
                .param("value", value).param("priority", priority).query(Long.class).single();
    }

    private void scopeCategory(long promotion, String categoryCode) {
        jdbc.sql("""
                        insert into pricing.promotion_scope (promotion_id, category_id)
                        select :p, id from catalog.category where code = :code""")
                .param("p", promotion).param("code", categoryCode).update();
    }
}
