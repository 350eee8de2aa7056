package io.b2bportal.pricing;

import io.b2bportal.pricing.PricedLine.Status;
import io.b2bportal.support.PortalTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine against the demo's rules in PostgreSQL, through {@link PricingApi} as ordering will call it. */
@PortalTest
class PricingApiTests {

    static final String ALPHA_STROY = "7704123450";
    static final String ALPHA_REMONT = "7704987650";
    static final String BETA = "5027123457";
    static final String GAMMA = "773123456716";

    @Autowired
    PricingApi pricing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachDemoBuyerGetsThePriceOfItsContractGroupOrBase() {
        String sku = "HND-RINGSPANNER-17";
        BigDecimal base = basePrice(sku);

        assertThat(price(GAMMA, sku).unitPrice()).isEqualByComparingTo(base);
        assertThat(price(ALPHA_REMONT, sku).unitPrice()).as("its contract names base").isEqualByComparingTo(base);
        PricedLine wholesale = price(ALPHA_STROY, sku);
        assertThat(wholesale.unitPrice()).isEqualByComparingTo(kopecks(base.multiply(new BigDecimal("0.90"))));
        assertThat(wholesale.priceType()).isEqualTo("wholesale");
        assertThat(wholesale.source()).isEqualTo(PriceSource.PRICE_TYPE);
    }

    @Test
    void betaGetsItsContractPriceAndDealerPricesElsewhere() {
        PricedLine contract = price(BETA, "BLT-933-M8x40-ZINC");
        assertThat(contract.source()).isEqualTo(PriceSource.CONTRACT);
        assertThat(contract.unitPrice()).isEqualByComparingTo(jdbc.sql("""
                        select cp.amount from pricing.contract_price cp join catalog.product p on p.id = cp.product_id
                         where p.sku = 'BLT-933-M8x40-ZINC'""").query(BigDecimal.class).single());

        PricedLine dealer = price(BETA, "BLT-933-M10x40-ZINC");
        assertThat(dealer.priceType()).isEqualTo("dealer");
        BigDecimal expected = basePrice("BLT-933-M10x40-ZINC").multiply(new BigDecimal("0.85"))
                .setScale(0, java.math.RoundingMode.HALF_UP).max(BigDecimal.ONE);
        assertThat(dealer.unitPrice()).isEqualByComparingTo(expected);
    }

    @Test
    void aChangedPriceRowIsThePriceOfTheNextCall() {
        String sku = "HND-SOCKET-22";
        BigDecimal before = basePrice(sku);
        try {
            setBasePrice(sku, new BigDecimal("1234.56"));
            assertThat(price(GAMMA, sku).unitPrice()).isEqualByComparingTo("1234.56");
            assertThat(price(ALPHA_STROY, sku).unitPrice()).isEqualByComparingTo("1111.10");
        } finally {
            setBasePrice(sku, before);
        }
        assertThat(price(GAMMA, sku).unitPrice()).isEqualByComparingTo(before);
    }

    @Test
    void theWholesaleGroupGetsItsPromotionWithBadgeAndOthersDoNot() {
        String sku = "ANC-10x100";
        PricedLine alpha = price(ALPHA_STROY, sku);
        assertThat(alpha.source()).isEqualTo(PriceSource.PROMOTION);
        assertThat(alpha.promotion().name()).isEqualTo("Оптовикам: анкеры со скидкой");
        assertThat(alpha.promotion().endsAt()).isAfter(java.time.Instant.now());
        // the promotion lowers the wholesale price (base −10 %) by 15 %
        BigDecimal wholesale = kopecks(basePrice(sku).multiply(new BigDecimal("0.90")));
        assertThat(alpha.unitPrice()).isEqualByComparingTo(kopecks(wholesale.multiply(new BigDecimal("0.85"))));

        assertThat(price(GAMMA, sku).source()).isEqualTo(PriceSource.PRICE_TYPE);
        assertThat(price(GAMMA, sku).unitPrice()).isEqualByComparingTo(basePrice(sku));
    }

    @Test
    void aQuoteAddsUpItsLinesAndSaysHowMuchIsMissingToTheMinimumOrder() {
        Quote quote = pricing.quote(entity(ALPHA_STROY), List.of(QuoteLine.of("BLT-933-M8x40-ZINC", 1000),
                QuoteLine.of("HND-RINGSPANNER-17", 3), QuoteLine.of("CBL-NYM-3x2.5", new BigDecimal("12.5"))));

        assertThat(quote.orderable()).isTrue();
        assertThat(quote.lines()).hasSize(3).allSatisfy(line -> {
            assertThat(line.lineNet().add(line.lineVat())).isEqualByComparingTo(line.lineGross());
            assertThat(line.lineGross()).isEqualByComparingTo(kopecks(line.unitPrice().multiply(line.quantity())));
        });
        assertThat(quote.totals().gross()).isEqualByComparingTo(quote.lines().stream().map(PricedLine::lineGross)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(quote.totals().net().add(quote.totals().vat())).isEqualByComparingTo(quote.totals().gross());
        assertThat(quote.minimumOrderAmount()).isEqualByComparingTo("10000");
        assertThat(quote.minimumOrderShortfall()).isEqualByComparingTo(
                new BigDecimal("10000").subtract(quote.totals().gross()).max(BigDecimal.ZERO));
    }

    @Test
    void unknownProductsAndProductsOutsideTheAssortmentAreLinesThatCannotBeOrdered() {
        Quote quote = pricing.quote(entity(BETA), List.of(QuoteLine.of("BLT-933-M8x40-ZINC", 100),
                QuoteLine.of("NO-SUCH-SKU", 1), QuoteLine.of("PWR-BOSCH-114", 1)));

        assertThat(quote.lines()).extracting(PricedLine::status)
                .containsExactly(Status.PRICED, Status.UNKNOWN_PRODUCT, Status.UNKNOWN_PRODUCT);
        assertThat(quote.orderable()).isFalse();
        assertThat(quote.totals().gross()).isEqualByComparingTo(quote.lines().getFirst().lineGross());
    }

    @Test
    void aProductWithoutAPriceIsOnRequest() {
        PricedLine line = price(GAMMA, "SUT-ZIMNII-64");

        assertThat(line.status()).isEqualTo(Status.PRICE_ON_REQUEST);
        assertThat(line.unitPrice()).isNull();
        assertThat(pricing.quote(entity(GAMMA), List.of(QuoteLine.of("SUT-ZIMNII-64", 1))).orderable()).isFalse();
    }

    @Test
    void quantityTiersOfFastenersLowerTheUnitPrice() {
        String sku = "BLT-933-M10x40-ZINC";
        BigDecimal at100 = price(GAMMA, sku, 100).unitPrice();
        BigDecimal at1000 = price(GAMMA, sku, 1000).unitPrice();
        BigDecimal at5000 = price(GAMMA, sku, 5000).unitPrice();

        assertThat(at1000).isLessThan(at100);
        assertThat(at5000).isLessThan(at1000);
        PriceExplanation page = pricing.productPrice(entity(GAMMA), productId(sku), null);
        assertThat(page.line().tiers()).extracting(t -> t.minQty().intValue()).containsExactly(100, 1000, 5000);
    }

    @Test
    void theExplanationListsTheStepsShortForBuyersFullForStaff() {
        PriceExplanation full = pricing.explain(entity(ALPHA_STROY), "ANC-10x100", new BigDecimal("50"));

        assertThat(full.steps()).extracting(PriceExplanation.ExplanationStep::kind).containsSubsequence(
                "type-contract", "tier", "derived-percent", "promotion-percent", "vat-included", "line");
        assertThat(full.forBuyer().steps()).extracting(PriceExplanation.ExplanationStep::kind)
                .doesNotContain("rounding", "final-rounding");
        assertThat(full.steps().stream().map(PriceExplanation.ExplanationStep::text))
                .anySatisfy(text -> assertThat(text).contains("Wholesale: anchors on sale").contains("15 % off"));
    }

    @Test
    void aTerminatedContractNamesNoPriceTypeAndTheGroupTypeApplies() {
        String sku = "HND-RINGSPANNER-20";
        BigDecimal base = basePrice(sku);
        assertThat(price(ALPHA_REMONT, sku).unitPrice()).isEqualByComparingTo(base);
        try {
            jdbc.sql("update customers.contract set status = 'TERMINATED' where legal_entity_id = :e")
                    .param("e", entity(ALPHA_REMONT)).update();
            PricedLine line = price(ALPHA_REMONT, sku);
            assertThat(line.priceType()).isEqualTo("wholesale");
            assertThat(line.unitPrice()).isEqualByComparingTo(kopecks(base.multiply(new BigDecimal("0.90"))));
        } finally {
            jdbc.sql("update customers.contract set status = 'ACTIVE' where legal_entity_id = :e")
                    .param("e", entity(ALPHA_REMONT)).update();
        }
    }

    @Test
    void aPromotionWithAMinimumOrderAmountAppliesWhenTheOrderBeforeItReachesTheAmount() {
        long company = jdbc.sql("select company_id from customers.legal_entity where inn = :inn").param("inn", GAMMA)
                .query(Long.class).single();
        long promotion = jdbc.sql("""
                        insert into pricing.promotion (name, starts_at, ends_at, target, effect, value, min_order_amount)
                        values ('Big orders', now() - interval '1 hour', now() + interval '1 day', 'COMPANIES',
                                'PERCENT_OFF', 5, 50000) returning id""").query(Long.class).single();
        try {
            jdbc.sql("insert into pricing.promotion_target (promotion_id, company_id) values (:p, :c)")
                    .param("p", promotion).param("c", company).update();
            jdbc.sql("""
                            insert into pricing.promotion_scope (promotion_id, product_id)
                            select :p, id from catalog.product where sku = 'HND-RINGSPANNER-21'""")
                    .param("p", promotion).update();
            BigDecimal base = basePrice("HND-RINGSPANNER-21");
            int below = new BigDecimal("50000").divide(base, 0, java.math.RoundingMode.DOWN).intValue() - 1;

            Quote small = pricing.quote(entity(GAMMA), List.of(QuoteLine.of("HND-RINGSPANNER-21", below)));
            assertThat(small.totals().gross()).isLessThan(new BigDecimal("50000"));
            assertThat(small.lines().getFirst().source()).isEqualTo(PriceSource.PRICE_TYPE);

            Quote big = pricing.quote(entity(GAMMA), List.of(QuoteLine.of("HND-RINGSPANNER-21", below),
                    QuoteLine.of("HND-RINGSPANNER-17", 20)));
            assertThat(big.lines().getFirst().source()).isEqualTo(PriceSource.PROMOTION);
            assertThat(big.lines().getFirst().unitPrice())
                    .isEqualByComparingTo(kopecks(base.multiply(new BigDecimal("0.95"))));
            assertThat(big.lines().get(1).source()).as("outside the promotion's scope")
                    .isEqualTo(PriceSource.PRICE_TYPE);

            Quote told = pricing.quote(entity(GAMMA), List.of(QuoteLine.of("HND-RINGSPANNER-21", 1)),
                    new BigDecimal("60000"));
            assertThat(told.lines().getFirst().source()).isEqualTo(PriceSource.PROMOTION);
        } finally {
            jdbc.sql("delete from pricing.promotion where id = :p").param("p", promotion).update();
        }
    }

    @Test
    void tooManyLinesAreRefusedAndBadQuantitiesCannotBeAsked() {
        List<QuoteLine> lines = java.util.stream.IntStream.range(0, 1001)
                .mapToObj(i -> QuoteLine.of("SKU-" + i, 1)).toList();
        assertThatThrownBy(() -> pricing.quote(entity(GAMMA), lines)).hasMessageContaining("too-many-lines");
        assertThatThrownBy(() -> QuoteLine.of("BLT-933-M8x40-ZINC", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pricing.explain(entity(GAMMA), "BLT-933-M8x40-ZINC", new BigDecimal("-1")))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> pricing.explain(entity(BETA), "PWR-BOSCH-114", BigDecimal.ONE))
                .hasMessageContaining("not-found");
    }

    private PricedLine price(String inn, String sku) {
        return price(inn, sku, 1);
    }

    private PricedLine price(String inn, String sku, long quantity) {
        return pricing.prices(entity(inn), List.of(QuoteLine.of(sku, quantity))).getFirst();
    }

    private long entity(String inn) {
        return jdbc.sql("select id from customers.legal_entity where inn = :inn").param("inn", inn)
                .query(Long.class).single();
    }

    private long productId(String sku) {
        return jdbc.sql("select id from catalog.product where sku = :sku").param("sku", sku).query(Long.class).single();
    }

    private BigDecimal basePrice(String sku) {
        return jdbc.sql("""
                        select pr.amount from pricing.price pr join pricing.price_list l on l.id = pr.price_list_id
                          join catalog.product p on p.id = pr.product_id
                         where l.code = 'base' and p.sku = :sku and pr.min_qty = 1""")
                .param("sku", sku).query(BigDecimal.class).single();
    }

    private void setBasePrice(String sku, BigDecimal amount) {
        jdbc.sql("""
                        update pricing.price set amount = :amount, updated_at = now()
                         where price_list_id = (select id from pricing.price_list where code = 'base') and min_qty = 1
                           and product_id = (select id from catalog.product where sku = :sku)""")
                .param("amount", amount).param("sku", sku).update();
    }

    private static BigDecimal kopecks(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
