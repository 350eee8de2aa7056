package io.b2bportal.ordering;

import io.b2bportal.catalog.OrderableProduct;
import io.b2bportal.ordering.cart.LineProblem;
import io.b2bportal.ordering.cart.LineProblem.Code;
import io.b2bportal.ordering.cart.LineProblems;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.b2bportal.ordering.ProductFixture.anchor;
import static io.b2bportal.ordering.ProductFixture.bolt;
import static org.assertj.core.api.Assertions.assertThat;

/** What a cart line's checks say when the catalog changed under it. */
class CartLineProblemsTests {

    @Test
    void aLineWithinTheRulesAndTheStockHasNoProblem() {
        assertThat(codes(bolt("1000"), "200", false)).isEmpty();
    }

    @Test
    void aProductThatLeftTheAssortmentIsOnlyThat() {
        assertThat(codes(ProductFixture.outsideAssortment(), "1", false)).containsExactly("NOT_IN_ASSORTMENT/ERROR");
    }

    @Test
    void aDiscontinuedProductNamesItsSuccessor() {
        List<LineProblem> problems = LineProblems.of(ProductFixture.discontinued("PWR-NEW"), BigDecimal.ONE, false);
        assertThat(problems.getFirst().code()).isEqualTo(Code.DISCONTINUED);
        assertThat(problems.getFirst().reason().args()).containsExactly("PWR-NEW");
    }

    @Test
    void aChangedMinimumOrPackIsAnError() {
        assertThat(codes(bolt("1000"), "50", false)).containsExactly("BELOW_MINIMUM/ERROR");
        assertThat(codes(bolt("1000"), "150", false)).containsExactly("NOT_PACK_MULTIPLE/ERROR");
        assertThat(codes(bolt("1000"), "150.5", false)).contains("FRACTIONAL/ERROR");
    }

    @Test
    void moreThanAvailableAsksForADecisionUnlessItCannotBeBackordered() {
        assertThat(codes(bolt("100"), "300", false)).containsExactly("OVER_STOCK/WARNING");
        assertThat(codes(bolt("100"), "300", true)).containsExactly("BACKORDERED/NOTE");
        assertThat(codes(anchor("50"), "100", false)).containsExactly("OVER_STOCK/ERROR");
        assertThat(codes(anchor("50"), "100", true)).containsExactly("OVER_STOCK/ERROR");
    }

    private static List<String> codes(OrderableProduct product, String quantity, boolean backorder) {
        return LineProblems.of(product, new BigDecimal(quantity), backorder).stream()
                .map(p -> p.code() + "/" + p.severity()).toList();
    }
}
