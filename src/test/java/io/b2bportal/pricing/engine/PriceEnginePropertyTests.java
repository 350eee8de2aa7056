package io.b2bportal.pricing.engine;

import io.b2bportal.pricing.PriceSource;
import io.b2bportal.pricing.PricedLine;
import io.b2bportal.pricing.Quote.Totals;
import io.b2bportal.pricing.engine.Rules.Product;
import io.b2bportal.pricing.engine.Rules.Promotion;
import io.b2bportal.pricing.engine.Step.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the engine over thousands of random rule sets ({@link RandomRules}: tiers, derived chains with
 * attempted cycles and unknown parents, contract prices, promotions of every kind). Each rule set comes from a seed;
 * a failure names the seed and prints the rules, and {@code RandomRules.of(seed)} gives them back.
 */
class PriceEnginePropertyTests {

    private static final int TRIES = 3000;

    @Test
    void theSameRulesAlwaysGiveTheSamePriceInWhateverOrderTheyAreGiven() {
        for (long seed = 0; seed < TRIES; seed++) {
            RandomRules rules = RandomRules.of(seed);
            for (BigDecimal quantity : quantities(seed)) {
                Resolution first = rules.at(quantity);
                Resolution again = rules.at(quantity);
                Resolution reordered = rules.shuffled(seed * 31 + 7).at(quantity);
                assertThat(again).as("seed %d, qty %s: %s", seed, quantity, rules).isEqualTo(first);
                assertThat(reordered.unitPrice()).as("seed %d, qty %s: %s", seed, quantity, rules)
                        .isEqualTo(first.unitPrice());
                assertThat(reordered.source()).isEqualTo(first.source());
                assertThat(reordered.promotion()).isEqualTo(first.promotion());
                assertThat(reordered.steps()).isEqualTo(first.steps());
            }
        }
    }

    @Test
    void theTypesOfTheBuyersChainsAndThePricesOfTheListsItReadsGiveTheSamePriceAsAllRules() {
        int cutDown = 0;
        for (long seed = 0; seed < TRIES; seed++) {
            RandomRules rules = RandomRules.of(seed);
            RandomRules loaded = rules.onlyWhatTheBuyerReads();
            if (loaded.rules().types().size() < rules.rules().types().size()
                    || loaded.rules().prices().size() < rules.rules().prices().size()) {
                cutDown++;
            }
            for (BigDecimal quantity : quantities(seed)) {
                assertThat(loaded.at(quantity)).as("seed %d, qty %s: %s", seed, quantity, rules)
                        .isEqualTo(rules.at(quantity));
            }
        }
        assertThat(cutDown).as("rule sets where the buyer reads less than all").isGreaterThan(TRIES / 4);
    }

    @Test
    void theIndexOfPromotionsFindsExactlyThePromotionsThatCoverTheProductInTheirOrder() {
        Product other = new Product(11, "SKU-11", "22", List.of(9L), "Bulloni");
        Product unscoped = new Product(12, "SKU-12", "22", List.of(), null);
        int found = 0;
        for (long seed = 0; seed < TRIES; seed++) {
            RandomRules rules = RandomRules.of(seed);
            for (Product product : List.of(rules.product(), other, unscoped)) {
                List<Promotion> covering = rules.rules().covering(product);
                assertThat(covering).as("seed %d, product %d: %s", seed, product.id(), rules)
                        .containsExactlyElementsOf(rules.rules().promotions().stream()
                                .filter(promotion -> promotion.covers(product)).toList());
                found += covering.size();
            }
        }
        assertThat(found).as("promotions found").isGreaterThan(TRIES);
    }

    @Test
    void aLineThatDoesNotDependOnTheOrderAmountResolvesAsWithoutAnOrder() {
        int independent = 0;
        int changed = 0;
        for (long seed = 0; seed < TRIES; seed++) {
            RandomRules rules = RandomRules.of(seed);
            if (rules.orderAmount() == null) {
                continue;
            }
            boolean depends = PriceEngine.dependsOnOrderAmount(rules.rules(), rules.buyer(), rules.product(),
                    rules.orderAmount(), RandomRules.NOW);
            for (BigDecimal quantity : quantities(seed)) {
                Resolution inOrder = rules.at(quantity);
                Resolution outside = PriceEngine.resolve(rules.rules(), rules.buyer(), rules.product(), quantity,
                        null, RandomRules.NOW, VatRates.russian());
                if (!depends) {
                    independent++;
                    assertThat(inOrder).as("seed %d, qty %s: %s", seed, quantity, rules).isEqualTo(outside);
                } else if (!inOrder.equals(outside)) {
                    changed++;
                }
            }
        }
        assertThat(independent).as("lines that need not be priced again").isGreaterThan(TRIES);
        assertThat(changed).as("lines whose price the order amount changes").isGreaterThan(TRIES / 100);
    }

    @Test
    void aLargerQuantityNeverCostsMorePerUnit() {
        for (long seed = 0; seed < TRIES; seed++) {
            RandomRules rules = RandomRules.of(seed);
            Resolution previous = null;
            for (BigDecimal quantity : quantities(seed)) {
                Resolution current = rules.at(quantity);
                if (previous != null) {
                    assertThat(current.priced()).as("seed %d: priced or not whatever the quantity", seed)
                            .isEqualTo(previous.priced());
                    if (current.priced()) {
                        assertThat(current.unitGross()).as("seed %d: %s at %s vs %s at %s; %s", seed,
                                current.unitGross(), quantity, previous.unitGross(), previous.quantity(), rules)
                                .isLessThanOrEqualTo(previous.unitGross());
                    }
                }
                previous = current;
            }
        }
    }

    @Test
    void aCycleNeverLoopsAndIsReported() {
        int cycles = 0;
        for (long seed = 0; seed < TRIES; seed++) {
            RandomRules rules = RandomRules.of(seed);
            Resolution resolution = rules.at(BigDecimal.TEN);
            String contractType = rules.buyer().contractPriceType();
            if (contractType != null && rules.cyclic(contractType)) {
                cycles++;
                assertThat(resolution.steps()).as("seed %d: %s", seed, rules)
                        .anySatisfy(step -> assertThat(step.kind()).isEqualTo(Kind.TYPE_CYCLE));
                assertThat(resolution.priceTypeCode()).isNotEqualTo(contractType);
            }
        }
        assertThat(cycles).as("the generator makes cycles often enough to test").isGreaterThan(TRIES / 50);
    }

    @Test
    void everyLineAddsUpAndTheTotalsAreTheSumOfTheLinesToTheKopeck() {
        for (long seed = 0; seed < TRIES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<PricedLine> lines = new ArrayList<>();
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal vat = BigDecimal.ZERO;
            BigDecimal gross = BigDecimal.ZERO;
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                RandomRules rules = RandomRules.of(seed * 1000 + i);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(5000), random.nextInt(4));
                Resolution resolution = rules.at(quantity);
                if (!resolution.priced()) {
                    continue;
                }
                LineAmounts line = resolution.line();
                assertThat(line.net().add(line.vat())).as("seed %d line %d", seed, i).isEqualTo(line.gross());
                assertThat(line.net().scale()).isEqualTo(2);
                assertThat(line.vat().scale()).isEqualTo(2);
                assertThat(line.vat().signum()).isGreaterThanOrEqualTo(0);
                BigDecimal amount = resolution.unitPrice().multiply(quantity).setScale(2, java.math.RoundingMode.HALF_UP);
                assertThat(resolution.includesVat() ? line.gross() : line.net()).isEqualTo(amount);
                lines.add(new PricedLine(rules.product().sku(), rules.product().id(), quantity,
                        PricedLine.Status.PRICED, "RUB", resolution.unitPrice(), resolution.includesVat(), "22", null,
                        resolution.unitNet(), resolution.unitGross(), line.net(), line.vat(), line.gross(),
                        PriceSource.PRICE_TYPE, null, null, List.of()));
                net = net.add(line.net());
                vat = vat.add(line.vat());
                gross = gross.add(line.gross());
            }
            Totals totals = Totals.of(lines);
            assertThat(totals.net()).as("seed %d", seed).isEqualByComparingTo(net);
            assertThat(totals.vat()).isEqualByComparingTo(vat);
            assertThat(totals.gross()).isEqualByComparingTo(gross);
            assertThat(totals.net().add(totals.vat())).isEqualByComparingTo(totals.gross());
        }
    }

    /** Quantities in increasing order, tier starts among them, some fractional (metres of cable). */
    private static List<BigDecimal> quantities(long seed) {
        SplittableRandom random = new SplittableRandom(~seed);
        TreeSet<BigDecimal> quantities = new TreeSet<>(List.of(BigDecimal.ONE, new BigDecimal("5"),
                new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("1000")));
        for (int i = 0; i < 6; i++) {
            quantities.add(BigDecimal.valueOf(1 + random.nextInt(200_000), 2));
        }
        return List.copyOf(quantities);
    }
}
