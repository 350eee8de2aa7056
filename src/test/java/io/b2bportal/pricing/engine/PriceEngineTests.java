package io.b2bportal.pricing.engine;

import io.b2bportal.pricing.PriceSource;
import io.b2bportal.pricing.engine.Rules.Effect;
import io.b2bportal.pricing.engine.Step.Kind;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.b2bportal.pricing.engine.PricingFixture.BOLT;
import static io.b2bportal.pricing.engine.PricingFixture.BOLTS;
import static io.b2bportal.pricing.engine.PricingFixture.COMPANY;
import static io.b2bportal.pricing.engine.PricingFixture.FASTENERS;
import static io.b2bportal.pricing.engine.PricingFixture.GROUP;
import static io.b2bportal.pricing.engine.PricingFixture.NOW;
import static io.b2bportal.pricing.engine.PricingFixture.base;
import static io.b2bportal.pricing.engine.PricingFixture.promotion;
import static org.assertj.core.api.Assertions.assertThat;

/** Each pricing rule with its expected kopecks written out (docs/pricing.md has the same rules in words). */
class PriceEngineTests {

    @Nested
    class Tiers {

        @ParameterizedTest(name = "{0} units cost {1} each")
        @CsvSource({"1, 12.50", "99, 12.50", "100, 11.00", "999, 11.00", "1000, 9.80", "50000, 9.80"})
        void theTierOfTheLargestStartingQuantityApplies(long quantity, String unit) {
            PricingFixture rules = base().price(1, "12.50").tier(1, "100", "11.00").tier(1, "1000", "9.80");

            assertThat(rules.unitAt(quantity)).isEqualTo(unit);
        }

        @Test
        void aHigherTierPriceNeverRaisesTheUnitPrice() {
            PricingFixture rules = base().price(1, "10.00").tier(1, "100", "12.00");

            assertThat(rules.unitAt(100)).isEqualTo("10.00");
        }

        @Test
        void belowTheSmallestTierTheSmallestTierApplies() {
            Resolution resolution = base().tier(1, "100", "11.00").at(5);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("11.00");
            assertThat(resolution.steps()).extracting(Step::kind).contains(Kind.TIER_BELOW_SMALLEST);
        }

        @Test
        void aListPriceOfFourDecimalsIsRoundedToKopecksAtTheEnd() {
            Resolution resolution = base().price(1, "0.3456").at(1000);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("0.35");
            assertThat(resolution.line().gross()).isEqualByComparingTo("350.00");
            assertThat(resolution.steps()).extracting(Step::kind).contains(Kind.FINAL_ROUNDING);
        }
    }

    @Nested
    class Roundings {

        @ParameterizedTest(name = "{0} of {1} is {2}")
        @CsvSource({
            "KOPECK, 8.5085, 8.51", "KOPECK, 8.5049, 8.50", "KOPECK, 0.001, 0.01", "KOPECK, 0, 0.00",
            "ROUBLE, 1049.376, 1049.00", "ROUBLE, 1049.50, 1050.00", "ROUBLE, 0.30, 1.00",
            "TEN_ROUBLES, 1049.376, 1050.00", "TEN_ROUBLES, 1044.99, 1040.00", "TEN_ROUBLES, 4, 10.00",
            "NINETY, 1049.376, 1048.90", "NINETY, 99.50, 99.90", "NINETY, 99.49, 98.90", "NINETY, 1.00, 0.90",
            "NINETY, 0.30, 0.90", "NINETY, 0, 0.00"})
        void eachRuleRoundsHalfUpAndNeverToZero(Rounding rule, String price, String expected) {
            assertThat(rule.apply(new BigDecimal(price)).toPlainString()).isEqualTo(expected);
        }

        @Test
        void aDerivedTypeRoundsItsAdjustedPrice() {
            PricingFixture rules = base().price(1, "1234.56").contractType("dealer");

            assertThat(rules.percent("dealer", "base", "-15", Rounding.KOPECK).unitAt(1)).isEqualTo("1049.38");
            assertThat(rules.percent("dealer", "base", "-15", Rounding.ROUBLE).unitAt(1)).isEqualTo("1049.00");
            assertThat(rules.percent("dealer", "base", "-15", Rounding.TEN_ROUBLES).unitAt(1)).isEqualTo("1050.00");
            assertThat(rules.percent("dealer", "base", "-15", Rounding.NINETY).unitAt(1)).isEqualTo("1048.90");
        }
    }

    @Nested
    class PriceTypes {

        @Test
        void aChainOfThreeDerivedTypesAppliesEachAdjustmentAndRounding() {
            // 200.00 −10 % = 180.00; +5.50 = 185.50; −3 % = 179.935 → nearest rouble 180 − 0.10 = 179.90
            PricingFixture rules = base().price(1, "200.00")
                    .percent("a", "base", "-10", Rounding.KOPECK)
                    .amount("b", "a", "5.50", Rounding.KOPECK)
                    .percent("c", "b", "-3", Rounding.NINETY).contractType("c");

            Resolution resolution = rules.at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("179.90");
            assertThat(resolution.source()).isEqualTo(PriceSource.PRICE_TYPE);
            assertThat(resolution.steps()).extracting(Step::kind).containsSubsequence(Kind.TYPE_CONTRACT,
                    Kind.LIST_PRICE, Kind.DERIVED_PERCENT, Kind.DERIVED_AMOUNT, Kind.DERIVED_PERCENT, Kind.ROUNDING,
                    Kind.VAT_INCLUDED);
        }

        @Test
        void aPercentAndAnAmountAdjustmentInKopecks() {
            PricingFixture rules = base().price(1, "99.99").groupType("x");

            assertThat(rules.percent("x", "base", "12.5", Rounding.KOPECK).unitAt(1)).isEqualTo("112.49");
            assertThat(rules.amount("x", "base", "-0.99", Rounding.KOPECK).unitAt(1)).isEqualTo("99.00");
        }

        @Test
        void anAmountAdjustmentNeverGoesBelowZero() {
            assertThat(base().price(1, "3.00").amount("x", "base", "-5", Rounding.KOPECK).contractType("x").unitAt(1))
                    .isEqualTo("0.00");
        }

        @Test
        void theContractTypeComesBeforeTheGroupTypeAndTheGroupTypeBeforeBase() {
            PricingFixture rules = base().price(1, "100.00")
                    .percent("wholesale", "base", "-10", Rounding.KOPECK)
                    .percent("dealer", "base", "-15", Rounding.KOPECK);

            assertThat(rules.unitAt(1)).isEqualTo("100.00");
            assertThat(rules.groupType("wholesale").unitAt(1)).isEqualTo("90.00");
            assertThat(rules.contractType("dealer").unitAt(1)).isEqualTo("85.00");
        }

        @Test
        void anUnknownContractTypeIsReportedAndTheGroupTypeApplies() {
            Resolution resolution = base().price(1, "100.00").percent("dealer", "base", "-15", Rounding.KOPECK)
                    .contractType("vip").groupType("dealer").at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("85.00");
            assertThat(resolution.priceTypeCode()).isEqualTo("dealer");
            assertThat(resolution.steps()).extracting(Step::kind).containsSubsequence(Kind.TYPE_UNKNOWN,
                    Kind.TYPE_GROUP);
        }

        @Test
        void aCycleIsReportedNeverFollowedAndTheNextRuleApplies() {
            Resolution resolution = base().price(1, "100.00")
                    .percent("a", "b", "-10", Rounding.KOPECK).percent("b", "a", "-10", Rounding.KOPECK)
                    .contractType("a").at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("100.00");
            assertThat(resolution.steps()).filteredOn(s -> s.kind() == Kind.TYPE_CYCLE).singleElement()
                    .satisfies(step -> assertThat(step.args()).containsExactly("a", "a → b → a"));
        }

        @Test
        void aListWithoutTheProductFallsBackToTheBasePrice() {
            Resolution resolution = base().price(1, "100.00").list(2, "wholesale-list", true)
                    .listType("wholesale", 2).contractType("wholesale").at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("100.00");
            assertThat(resolution.steps()).extracting(Step::kind).containsSubsequence(Kind.TYPE_CONTRACT,
                    Kind.LIST_MISSING, Kind.LIST_PRICE);
        }

        @Test
        void aDerivedTypeOverAListWithoutTheProductAdjustsTheBasePrice() {
            assertThat(base().price(1, "100.00").list(2, "special", true).listType("special", 2)
                    .percent("d", "special", "-10", Rounding.KOPECK).contractType("d").unitAt(1)).isEqualTo("90.00");
        }

        @Test
        void aProductWithoutABasePriceHasNoPrice() {
            Resolution resolution = base().at(1);

            assertThat(resolution.priced()).isFalse();
            assertThat(resolution.source()).isEqualTo(PriceSource.NONE);
            assertThat(resolution.steps()).extracting(Step::kind).contains(Kind.NO_PRICE);
        }

        @Test
        void aListTypeOfItsOwnPricesWinsOverBase() {
            assertThat(base().price(1, "100.00").list(2, "special", true).listType("special", 2).price(2, "93.30")
                    .contractType("special").unitAt(1)).isEqualTo("93.30");
        }
    }

    @Nested
    class ContractPrices {

        @Test
        void theContractPriceWinsOverThePriceType() {
            Resolution resolution = base().price(1, "100.00").percent("dealer", "base", "-15", Rounding.KOPECK)
                    .contractType("dealer").contractPrice("80.00", true).at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("80.00");
            assertThat(resolution.source()).isEqualTo(PriceSource.CONTRACT);
        }

        @Test
        void aContractPriceNeedsNoBasePrice() {
            assertThat(base().contractPrice("80.00", true).unitAt(1)).isEqualTo("80.00");
        }

        @Test
        void aContractPriceIsOneForEveryQuantity() {
            PricingFixture rules = base().price(1, "100.00").tier(1, "100", "70.00").contractPrice("80.00", true);

            assertThat(rules.unitAt(1)).isEqualTo("80.00");
            assertThat(rules.unitAt(100)).isEqualTo("80.00");
        }
    }

    @Nested
    class Promotions {

        @Test
        void aGroupPromotionAppliesToTheGroupOnly() {
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10").forGroup(GROUP))
                    .unitAt(1)).isEqualTo("90.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10").forGroup(GROUP + 1))
                    .unitAt(1)).isEqualTo("100.00");
        }

        @Test
        void aCompanyPromotionAppliesToTheCompanyOnly() {
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.AMOUNT_OFF, "7.50").forCompany(COMPANY))
                    .unitAt(1)).isEqualTo("92.50");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.AMOUNT_OFF, "7.50")
                    .forCompany(COMPANY + 1)).unitAt(1)).isEqualTo("100.00");
        }

        @Test
        void aCategoryPromotionCoversItsWholeSubtree() {
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "5").onCategory(FASTENERS))
                    .unitAt(1)).isEqualTo("95.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "5").onCategory(BOLTS))
                    .unitAt(1)).isEqualTo("95.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "5").onCategory(99))
                    .unitAt(1)).isEqualTo("100.00");
        }

        @Test
        void aBrandOrProductPromotionCoversOnlyThose() {
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.SPECIAL_PRICE, "77.77")
                    .onBrand("Fixpro")).unitAt(1)).isEqualTo("77.77");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.SPECIAL_PRICE, "77.77")
                    .onBrand("Bulloni")).unitAt(1)).isEqualTo("100.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.SPECIAL_PRICE, "77.77")
                    .onProduct(BOLT)).unitAt(1)).isEqualTo("77.77");
        }

        @Test
        void aMinimumLineQuantityMustBeReached() {
            PricingFixture rules = base().price(1, "100.00")
                    .promotion(promotion(1, Effect.PERCENT_OFF, "10").minLineQty(50));

            assertThat(rules.unitAt(49)).isEqualTo("100.00");
            assertThat(rules.at(49).steps()).extracting(Step::kind).contains(Kind.PROMOTION_MIN_QTY);
            assertThat(rules.unitAt(50)).isEqualTo("90.00");
        }

        @Test
        void aMinimumOrderAmountMustBeReachedAndAnUnknownOrderReachesNothing() {
            PricingFixture rules = base().price(1, "100.00")
                    .promotion(promotion(1, Effect.PERCENT_OFF, "10").minOrderAmount("10000"));

            assertThat(rules.unitAt(1)).isEqualTo("100.00");
            assertThat(rules.orderAmount("9999.99").unitAt(1)).isEqualTo("100.00");
            assertThat(rules.orderAmount("10000.00").unitAt(1)).isEqualTo("90.00");
        }

        @Test
        void withoutStackingTheContractPriceIsKeptUnlessThePromotedTypePriceIsLower() {
            PricingFixture fifteen = base().price(1, "100.00").contractPrice("80.00", true)
                    .promotion(promotion(1, Effect.PERCENT_OFF, "15"));
            assertThat(fifteen.unitAt(1)).isEqualTo("80.00");
            assertThat(fifteen.at(1).source()).isEqualTo(PriceSource.CONTRACT);
            assertThat(fifteen.at(1).steps()).extracting(Step::kind).contains(Kind.CONTRACT_KEPT);

            PricingFixture quarter = base().price(1, "100.00").contractPrice("80.00", true)
                    .promotion(promotion(1, Effect.PERCENT_OFF, "25"));
            assertThat(quarter.unitAt(1)).isEqualTo("75.00");
            assertThat(quarter.at(1).source()).isEqualTo(PriceSource.PROMOTION);
        }

        @Test
        void aStackingPromotionLowersTheContractPrice() {
            Resolution resolution = base().price(1, "100.00").contractPrice("80.00", true)
                    .promotion(promotion(1, Effect.PERCENT_OFF, "10").stacking()).at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("72.00");
            assertThat(resolution.steps()).extracting(Step::kind).contains(Kind.PROMOTION_ON_CONTRACT);
        }

        @Test
        void promotionsDoNotAddUpTheLowestPriceWins() {
            Resolution resolution = base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10"))
                    .promotion(promotion(2, Effect.SPECIAL_PRICE, "88.00"))
                    .promotion(promotion(3, Effect.AMOUNT_OFF, "5")).at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("88.00");
            assertThat(resolution.promotion().id()).isEqualTo(2);
        }

        @Test
        void onEqualPricesTheHigherPriorityThenTheLowerIdWins() {
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10").priority(1))
                    .promotion(promotion(2, Effect.AMOUNT_OFF, "10").priority(5)).at(1).promotion().id()).isEqualTo(2);
            assertThat(base().price(1, "100.00").promotion(promotion(2, Effect.PERCENT_OFF, "10"))
                    .promotion(promotion(1, Effect.AMOUNT_OFF, "10")).at(1).promotion().id()).isEqualTo(1);
        }

        @Test
        void aPromotionNeverRaisesAPrice() {
            Resolution resolution = base().price(1, "100.00").promotion(promotion(1, Effect.SPECIAL_PRICE, "120.00"))
                    .at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("100.00");
            assertThat(resolution.promotion()).isNull();
            assertThat(resolution.steps()).extracting(Step::kind).contains(Kind.PROMOTION_NOT_LOWER);
        }

        @Test
        void onlyActivePromotionsWithinTheirWindowApply() {
            PricingFixture rules = base().price(1, "100.00");
            assertThat(rules.promotion(promotion(1, Effect.PERCENT_OFF, "10").inactive()).unitAt(1))
                    .isEqualTo("100.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10")
                    .window(NOW.plusSeconds(1), NOW.plusSeconds(100))).unitAt(1)).isEqualTo("100.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10")
                    .window(NOW.minusSeconds(100), NOW)).unitAt(1)).isEqualTo("100.00");
            assertThat(base().price(1, "100.00").promotion(promotion(1, Effect.PERCENT_OFF, "10")
                    .window(NOW, NOW.plusSeconds(1))).unitAt(1)).isEqualTo("90.00");
        }

        @Test
        void aPromotionAppliesToTheTieredPrice() {
            PricingFixture rules = base().price(1, "100.00").tier(1, "100", "90.00")
                    .promotion(promotion(1, Effect.PERCENT_OFF, "10"));

            assertThat(rules.unitAt(1)).isEqualTo("90.00");
            assertThat(rules.unitAt(100)).isEqualTo("81.00");
        }

        @Test
        void pricesInDifferentVatBasesAreComparedWithVat() {
            // contract 90.00 without VAT is 109.80 with it; the promoted base price 95.00 with VAT is lower
            Resolution resolution = base().price(1, "100.00").contractPrice("90.00", false)
                    .promotion(promotion(1, Effect.PERCENT_OFF, "5")).at(1);

            assertThat(resolution.unitPrice()).isEqualByComparingTo("95.00");
            assertThat(resolution.includesVat()).isTrue();
        }
    }

    @Test
    void theWorkedExampleOfTheDocsComesOutToTheKopeck() {
        // docs/pricing.md, "A worked example, in kopecks"
        PricingFixture rules = base().price(1, "76.23").tier(1, "1000", "72.42").tier(1, "5000", "68.61")
                .percent("wholesale", "base", "-10", Rounding.KOPECK).contractType("wholesale")
                .promotion(promotion(1, Effect.PERCENT_OFF, "15").priority(20))
                .promotion(promotion(2, Effect.SPECIAL_PRICE, "56.00").priority(30))
                .promotion(promotion(3, Effect.PERCENT_OFF, "10"));

        Resolution resolution = rules.at(1200);

        assertThat(resolution.unitPrice().toPlainString()).isEqualTo("55.40");
        assertThat(resolution.promotion().id()).isEqualTo(1);
        assertThat(resolution.unitNet().toPlainString()).isEqualTo("45.41");
        assertThat(resolution.line()).isEqualTo(new LineAmounts(new BigDecimal("54491.80"),
                new BigDecimal("11988.20"), new BigDecimal("66480.00")));
        assertThat(resolution.steps()).extracting(Step::kind).containsSubsequence(Kind.TYPE_CONTRACT, Kind.TIER,
                Kind.DERIVED_PERCENT, Kind.PROMOTION_NOT_BEST, Kind.PROMOTION_PERCENT, Kind.PROMOTION_NOT_BEST,
                Kind.VAT_INCLUDED);
        LineAmounts net = base().list(1, "base", false).price(1, "76.23").tier(1, "1000", "72.42")
                .percent("wholesale", "base", "-10", Rounding.KOPECK).contractType("wholesale")
                .promotion(promotion(1, Effect.PERCENT_OFF, "15")).at(1200).line();
        assertThat(net).isEqualTo(new LineAmounts(new BigDecimal("66480.00"), new BigDecimal("14625.60"),
                new BigDecimal("81105.60")));
    }

    @Nested
    class Vat {

        @ParameterizedTest(name = "{0} × 7 at VAT {1}, includes VAT {2}: net {3}, VAT {4}, gross {5}")
        @CsvSource({
            "9.99, 22, true, 57.32, 12.61, 69.93",
            "9.99, 22, false, 69.93, 15.38, 85.31",
            "9.99, 10, true, 63.57, 6.36, 69.93",
            "9.99, 10, false, 69.93, 6.99, 76.92",
            "9.99, 0, true, 69.93, 0.00, 69.93",
            "9.99, 0, false, 69.93, 0.00, 69.93",
            "9.99, EXEMPT, true, 69.93, 0.00, 69.93",
            "9.99, EXEMPT, false, 69.93, 0.00, 69.93",
            "122.00, 22, true, 700.00, 154.00, 854.00"})
        void vatIsComputedOncePerLineAndRoundedToKopecks(String unit, String rate, boolean includesVat, String net,
                String vat, String gross) {
            PricingFixture rules = base().list(1, "base", includesVat).price(1, unit).vat(rate);

            LineAmounts line = rules.at(7).line();

            assertThat(line.net().toPlainString()).isEqualTo(net);
            assertThat(line.vat().toPlainString()).isEqualTo(vat);
            assertThat(line.gross().toPlainString()).isEqualTo(gross);
        }

        @Test
        void unitPricesAreShownNetAndGross() {
            Resolution included = base().price(1, "122.00").at(1);
            assertThat(included.unitNet()).isEqualByComparingTo("100.00");
            assertThat(included.unitGross()).isEqualByComparingTo("122.00");

            Resolution excluded = base().list(1, "base", false).price(1, "9.99").vat("10").at(1);
            assertThat(excluded.unitNet()).isEqualByComparingTo("9.99");
            assertThat(excluded.unitGross()).isEqualByComparingTo("10.99");
            assertThat(excluded.steps()).extracting(Step::kind).contains(Kind.VAT_ADDED);
        }

        @Test
        void aDerivedTypeKeepsTheVatBasisOfItsRootList() {
            Resolution resolution = base().list(1, "base", false).price(1, "100.00")
                    .percent("dealer", "base", "-15", Rounding.KOPECK).contractType("dealer").at(1);

            assertThat(resolution.includesVat()).isFalse();
            assertThat(resolution.unitGross()).isEqualByComparingTo("103.70");
        }

        @Test
        void exemptGoodsSayNoVat() {
            Resolution resolution = base().price(1, "50.00").vat("EXEMPT").at(1);

            assertThat(resolution.vatPercent()).isEqualTo(Optional.empty());
            assertThat(resolution.steps()).extracting(Step::kind).contains(Kind.VAT_EXEMPT);
        }
    }
}
