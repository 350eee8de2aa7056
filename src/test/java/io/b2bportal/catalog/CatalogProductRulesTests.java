package io.b2bportal.catalog;

import io.b2bportal.catalog.admin.AttributeValuePolicy;
import io.b2bportal.catalog.admin.FilePolicy;
import io.b2bportal.catalog.admin.Rejection;
import io.b2bportal.catalog.admin.RelationPolicy;
import io.b2bportal.catalog.admin.StockPolicy;
import io.b2bportal.catalog.admin.StockPolicy.StockLine;
import io.b2bportal.catalog.admin.SuccessorPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog manager's rules, one reason each, in plain Java. */
class CatalogProductRulesTests {

    private static final Predicate<String> EXISTING = Set.of("BLT-1", "BLT-2")::contains;

    private static StockLine line(String onHand, String reserved, String incoming, LocalDate date) {
        return new StockLine(1, onHand == null ? null : new BigDecimal(onHand),
                reserved == null ? null : new BigDecimal(reserved), incoming == null ? null : new BigDecimal(incoming),
                date);
    }

    private static String reason(java.util.Optional<Rejection> rejection) {
        return rejection.map(Rejection::messageKey).orElse("accepted");
    }

    @Test
    void numbersAcceptADecimalCommaAndAreStoredWithoutTrailingZeros() {
        assertThat(AttributeValuePolicy.parse("d", "NUMBER", " 8,50 ").value()).isEqualTo(new BigDecimal("8.5"));
        assertThat(AttributeValuePolicy.parse("d", "NUMBER", "80").value()).hasToString("80");
        assertThat(AttributeValuePolicy.parse("d", "NUMBER", "-40").value()).isEqualTo(new BigDecimal("-40"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAtItsAttribute() {
        AttributeValuePolicy.Outcome word = AttributeValuePolicy.parse("length_mm", "NUMBER", "восемь");
        assertThat(word.rejection().field()).isEqualTo("attributes[length_mm]");
        assertThat(word.rejection().messageKey()).isEqualTo("catalog.admin.attribute.number");
        assertThat(AttributeValuePolicy.parse("d", "NUMBER", "1.1234567").rejection().messageKey())
                .isEqualTo("catalog.admin.attribute.scale");
        assertThat(AttributeValuePolicy.parse("zinc", "BOOLEAN", "maybe").rejection().messageKey())
                .isEqualTo("catalog.admin.attribute.boolean");
        assertThat(AttributeValuePolicy.parse("note", "TEXT", "x".repeat(501)).accepted()).isFalse();
    }

    @Test
    void yesAndNoAreReadInBothLanguagesAndABlankValueRemovesTheAttribute() {
        assertThat(AttributeValuePolicy.parse("zinc", "BOOLEAN", "да").value()).isEqualTo(true);
        assertThat(AttributeValuePolicy.parse("zinc", "BOOLEAN", "No").value()).isEqualTo(false);
        AttributeValuePolicy.Outcome blank = AttributeValuePolicy.parse("zinc", "BOOLEAN", "  ");
        assertThat(blank.accepted()).isTrue();
        assertThat(blank.value()).isNull();
    }

    @Test
    void aSuccessorIsAnotherExistingProductOfADiscontinuedOne() {
        assertThat(reason(SuccessorPolicy.check("BLT-1", "DISCONTINUED", "BLT-2", EXISTING))).isEqualTo("accepted");
        assertThat(reason(SuccessorPolicy.check("BLT-1", "DISCONTINUED", null, EXISTING))).isEqualTo("accepted");
        assertThat(reason(SuccessorPolicy.check("BLT-1", "DISCONTINUED", "BLT-1", EXISTING)))
                .isEqualTo("catalog.admin.successor.self");
        assertThat(reason(SuccessorPolicy.check("BLT-1", "DISCONTINUED", "BLT-9", EXISTING)))
                .isEqualTo("catalog.admin.successor.unknown");
        assertThat(reason(SuccessorPolicy.check("BLT-1", "ACTIVE", "BLT-2", EXISTING)))
                .isEqualTo("catalog.admin.successor.active");
    }

    @Test
    void aRelatedProductIsAnotherExistingOne() {
        assertThat(reason(RelationPolicy.check("BLT-1", " BLT-2 ", EXISTING))).isEqualTo("accepted");
        assertThat(reason(RelationPolicy.check("BLT-1", "BLT-1", EXISTING))).isEqualTo("catalog.admin.relation.self");
        assertThat(reason(RelationPolicy.check("BLT-1", "BLT-9", EXISTING))).isEqualTo("catalog.admin.relation.unknown");
        assertThat(reason(RelationPolicy.check("BLT-1", "", EXISTING))).isEqualTo("catalog.admin.relation.required");
    }

    @Test
    void noMoreIsReservedThanIsOnHandAndNothingIsNegative() {
        assertThat(StockPolicy.check(line("10", "10", "0", null))).isEmpty();
        assertThat(StockPolicy.check(line("10", "10.001", null, null))).extracting(Rejection::field, Rejection::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reserved", "catalog.admin.stock.reservedOverOnHand"));
        assertThat(StockPolicy.check(line("-1", null, "-2", null))).extracting(Rejection::field)
                .containsExactly("onHand", "incoming");
        assertThat(StockPolicy.check(line("1.0001", null, null, null))).extracting(Rejection::messageKey)
                .containsExactly("catalog.admin.quantity.scale");
    }

    @Test
    void anExpectedDateBelongsToAnIncomingQuantityAndAStockLineToAnOnHandOne() {
        LocalDate date = LocalDate.of(2030, 1, 15);
        assertThat(StockPolicy.check(line("0", null, "100", date))).isEmpty();
        assertThat(StockPolicy.check(line("0", null, "0", date))).extracting(Rejection::messageKey)
                .containsExactly("catalog.admin.stock.dateWithoutIncoming");
        assertThat(StockPolicy.check(line(null, null, null, null))).isEmpty();
        assertThat(StockPolicy.check(line(null, null, "5", null))).extracting(Rejection::messageKey)
                .containsExactly("catalog.admin.stock.onHandRequired");
    }

    @Test
    void aFileIsWhatItsNameSaysAndAnImageIsAPicture() {
        assertThat(reason(FilePolicy.check("IMAGE", "photo.JPG", "image/jpeg"))).isEqualTo("accepted");
        assertThat(reason(FilePolicy.check("DATASHEET", "passport", "application/pdf"))).isEqualTo("accepted");
        assertThat(reason(FilePolicy.check("CERTIFICATE", "scan.png", "image/png"))).isEqualTo("accepted");
        assertThat(reason(FilePolicy.check("DATASHEET", "photo.pdf", "image/png")))
                .isEqualTo("catalog.admin.file.extension");
        assertThat(reason(FilePolicy.check("IMAGE", "manual.pdf", "application/pdf")))
                .isEqualTo("catalog.admin.file.image");
        assertThat(reason(FilePolicy.check("VIDEO", "clip.png", "image/png"))).isEqualTo("catalog.admin.file.kind.invalid");
    }
}
