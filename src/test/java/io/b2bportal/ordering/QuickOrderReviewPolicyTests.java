package io.b2bportal.ordering;

import io.b2bportal.ordering.quickorder.InputLine;
import io.b2bportal.ordering.quickorder.Requested;
import io.b2bportal.ordering.quickorder.ReviewLine;
import io.b2bportal.ordering.quickorder.ReviewLine.Action;
import io.b2bportal.ordering.quickorder.ReviewLine.Issue;
import io.b2bportal.ordering.quickorder.ReviewLine.Status;
import io.b2bportal.ordering.quickorder.ReviewPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.b2bportal.ordering.ProductFixture.anchor;
import static io.b2bportal.ordering.ProductFixture.bolt;
import static io.b2bportal.ordering.ProductFixture.cable;
import static org.assertj.core.api.Assertions.assertThat;

/** One review line at a time: what it is, how its quantity is adjusted, and what confirming does with it. */
class QuickOrderReviewPolicyTests {

    @Test
    void aPlainLineIsOkAndAdded() {
        ReviewLine line = review("BLT-1", "200", bolt("1000"));
        assertThat(line.status()).isEqualTo(Status.OK);
        assertThat(line.action()).isEqualTo(Action.ADD);
        assertThat(line.adds()).isEqualByComparingTo("200");
        assertThat(line.choices()).containsExactly(Action.ADD, Action.SKIP);
    }

    @Test
    void repeatedSkusOfAnyCaseAreAddedUp() {
        List<Requested> merged = Requested.merge(List.of(new InputLine(1, "BLT-1", "100"), new InputLine(2, "X", "1"),
                new InputLine(3, "blt-1", "200")));
        assertThat(merged).hasSize(2);
        ReviewLine line = ReviewPolicy.resolve(merged.getFirst(), bolt("1000"), List.of());
        assertThat(line.status()).isEqualTo(Status.MERGED);
        assertThat(line.sourceLines()).containsExactly(1, 3);
        assertThat(line.quantity()).isEqualByComparingTo("300");
    }

    @Test
    void aQuantityIsRaisedToTheMinimumAndRoundedUpToThePack() {
        ReviewLine pack = review("BLT-1", "150", bolt("1000"));
        assertThat(pack.status()).isEqualTo(Status.ADJUSTED);
        assertThat(pack.issues()).containsExactly(Issue.ROUNDED_TO_PACK);
        assertThat(pack.quantity()).isEqualByComparingTo("200");

        ReviewLine minimum = review("ANC-1", "10", anchor("100"));
        assertThat(minimum.issues()).containsExactly(Issue.ROUNDED_TO_MINIMUM);
        assertThat(minimum.quantity()).isEqualByComparingTo("25");

        ReviewLine metres = review("CBL-1", "12,3", cable("100"));
        assertThat(metres.quantity()).isEqualByComparingTo("12.5");
        assertThat(metres.action()).isEqualTo(Action.ADD);
    }

    @Test
    void noQuantityMeansOneAndSaysSo() {
        ReviewLine line = ReviewPolicy.resolve(Requested.merge(List.of(new InputLine(1, "BLT-1", null))).getFirst(),
                bolt("1000"), List.of());
        assertThat(line.issues()).contains(Issue.QUANTITY_ASSUMED, Issue.ROUNDED_TO_MINIMUM);
        assertThat(line.quantity()).isEqualByComparingTo("100");
    }

    @Test
    void moreThanAvailableIsBackorderedWhereAllowedElseWhatIsThereIsTaken() {
        ReviewLine backordered = review("BLT-1", "1000", bolt("350"));
        assertThat(backordered.status()).isEqualTo(Status.OVER_STOCK);
        assertThat(backordered.choices()).containsExactly(Action.TAKE_AVAILABLE, Action.BACKORDER, Action.SKIP);
        assertThat(backordered.action()).isEqualTo(Action.BACKORDER);
        assertThat(backordered.takeAvailable()).isEqualByComparingTo("300");
        assertThat(backordered.with(Action.TAKE_AVAILABLE).adds()).isEqualByComparingTo("300");

        ReviewLine taken = review("ANC-1", "100", anchor("60"));
        assertThat(taken.choices()).containsExactly(Action.TAKE_AVAILABLE, Action.SKIP);
        assertThat(taken.action()).isEqualTo(Action.TAKE_AVAILABLE);
        assertThat(taken.adds()).isEqualByComparingTo("50");

        ReviewLine nothing = review("ANC-1", "100", anchor("10"));
        assertThat(nothing.choices()).containsExactly(Action.SKIP);
        assertThat(nothing.adds()).isZero();
    }

    @Test
    void unknownOutsideDiscontinuedAndUnreadableLinesAreSkippedWithTheReason() {
        ReviewLine unknown = ReviewPolicy.resolve(requested("BLT-X", "1"), null, List.of("BLT-1", "BLT-2"));
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.suggestions()).containsExactly("BLT-1", "BLT-2");
        assertThat(unknown.action()).isEqualTo(Action.SKIP);

        ReviewLine outside = review("PWR-9", "1", ProductFixture.outsideAssortment());
        assertThat(outside.status()).isEqualTo(Status.NOT_IN_ASSORTMENT);
        assertThat(outside.name()).isNull();
        assertThat(outside.choices()).containsExactly(Action.SKIP);

        ReviewLine discontinued = review("PWR-OLD", "1", ProductFixture.discontinued("PWR-NEW"));
        assertThat(discontinued.status()).isEqualTo(Status.DISCONTINUED);
        assertThat(discontinued.successorSku()).isEqualTo("PWR-NEW");

        ReviewLine fractional = review("BLT-1", "150.5", bolt("1000"));
        assertThat(fractional.status()).isEqualTo(Status.INVALID);
        assertThat(fractional.reason().key()).isEqualTo("ordering.quantity.fractional");

        ReviewLine zero = ReviewPolicy.resolve(requested("BLT-1", "0"), bolt("1000"), List.of());
        assertThat(zero.status()).isEqualTo(Status.INVALID);
        assertThat(zero.reason().key()).isEqualTo("ordering.quantity.zero");
    }

    @Test
    void linesThatAddUpBeyondTheLimitAreRefused() {
        List<Requested> merged = Requested.merge(List.of(new InputLine(1, "BLT-1", "600000000"),
                new InputLine(2, "BLT-1", "600000000")));
        assertThat(merged.getFirst().invalid().key()).isEqualTo("ordering.quantity.too-large");
    }

    @Test
    void pickingAnotherProductKeepsTheAskedQuantityAndReviewsItAgain() {
        ReviewLine unknown = ReviewPolicy.resolve(requested("BLT-X", "150"), null, List.of("BLT-1"));
        ReviewLine picked = ReviewPolicy.replace(unknown, bolt("1000"));
        assertThat(picked.sku()).isEqualTo("BLT-1");
        assertThat(picked.rawSku()).isEqualTo("BLT-X");
        assertThat(picked.quantity()).isEqualByComparingTo("200");
        assertThat(picked.issues()).contains(Issue.REPLACED, Issue.ROUNDED_TO_PACK);
        assertThat(picked.action()).isEqualTo(Action.ADD);
    }

    private static ReviewLine review(String sku, String quantity, io.b2bportal.catalog.OrderableProduct product) {
        return ReviewPolicy.resolve(requested(sku, quantity), product, List.of());
    }

    private static Requested requested(String sku, String quantity) {
        return Requested.merge(List.of(new InputLine(1, sku, quantity))).getFirst();
    }
}
