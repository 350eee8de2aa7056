package io.b2bportal.ordering;

import io.b2bportal.ordering.quickorder.InputLine;
import io.b2bportal.ordering.quickorder.PastedLines;
import io.b2bportal.shared.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pasted "SKU, quantity" lines, however they were typed or copied. */
class QuickOrderPasteParserTests {

    @Test
    void readsEverySeparator() {
        assertThat(PastedLines.parse("A-1,10\nA-2;20\nA-3\t30\nA-4 40\nA-5    50")).containsExactly(
                new InputLine(1, "A-1", "10"), new InputLine(2, "A-2", "20"), new InputLine(3, "A-3", "30"),
                new InputLine(4, "A-4", "40"), new InputLine(5, "A-5", "50"));
    }

    @Test
    void keepsADecimalCommaAndDigitGroups() {
        assertThat(PastedLines.parse("A-1;2,5\nA-2 2,5\nA-3,2,5\nA-4\t1 000,5\nA-5 1 000")).extracting(InputLine::quantity)
                .containsExactly("2,5", "2,5", "2,5", "1 000,5", "1 000");
    }

    @Test
    void findsTheColumnsOfAnExcelCopyByItsHeader() {
        String excel = "Наименование\tАртикул\tЦена\tКол-во, шт\r\n"
                + "Болт\tBLT-1\t12,50\t200\r\n"
                + "\"Гайка \"\"М8\"\"\"\tNUT-1\t3\t100\r\n";
        assertThat(PastedLines.parse(excel)).containsExactly(new InputLine(2, "BLT-1", "200"),
                new InputLine(3, "NUT-1", "100"));
        assertThat(PastedLines.parse("sku,qty\nA-1,5")).containsExactly(new InputLine(2, "A-1", "5"));
    }

    @Test
    void aFirstLineWithANumberIsDataEvenIfItLooksLikeAHeader() {
        assertThat(PastedLines.parse("ITEM-5 10\nITEM-6 20")).extracting(InputLine::sku).containsExactly("ITEM-5",
                "ITEM-6");
    }

    @Test
    void skipsBlankLinesButCountsThemInLineNumbersAndKeepsMissingQuantities() {
        assertThat(PastedLines.parse("\uFEFFA-1 10\n\n   \nA-2\n;5")).containsExactly(new InputLine(1, "A-1", "10"),
                new InputLine(4, "A-2", null), new InputLine(5, null, "5"));
    }

    @Test
    void refusesNothingAndTooMuch() {
        assertThatThrownBy(() -> PastedLines.parse(" \n\t\n")).isInstanceOf(DomainException.class)
                .hasMessageContaining("ordering.quick.empty");
        String tooMany = "A-1 1\n".repeat(PastedLines.MAX_LINES + 5);
        assertThatThrownBy(() -> PastedLines.parse(tooMany)).isInstanceOf(DomainException.class)
                .hasMessageContaining("ordering.quick.too-many").hasMessageContaining("10005");
        assertThat(PastedLines.parse("A-1 1\n".repeat(PastedLines.MAX_LINES))).hasSize(PastedLines.MAX_LINES);
    }

    @Test
    void linesOfOnlySeparatorsAreNoProducts() {
        List<InputLine> lines = PastedLines.parse("A-1 1\n;;;\n");
        assertThat(lines).containsExactly(new InputLine(1, "A-1", "1"), new InputLine(2, null, null));
    }
}
