package io.b2bportal.ordering.quickorder;

import io.b2bportal.shared.DomainException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads pasted "SKU, quantity" lines, as people paste them:
 * <ul>
 * <li>one line per product; the separator is a tab (a copy from Excel), else {@code ;}, else whichever of {@code ,}
 * and spaces comes first after the SKU (a SKU holds neither);
 * <li>a decimal comma is fine ("BLT-1;2,5", "BLT-1 2,5", and "BLT-1,2,5" when both parts after the SKU are digits);
 * spaces between digit groups are ignored ("1 000");
 * <li>a first line naming the columns ("Артикул / Наименование / Количество", "sku,qty") is a header: the SKU and
 * quantity columns are then found by name, so a copy of several Excel columns works; without a header the first
 * column is the SKU and the second the quantity;
 * <li>no quantity means 1 (the review shows that it was assumed); blank lines are skipped.
 * </ul>
 * At most {@value #MAX_LINES} lines.
 */
public final class PastedLines {

    public static final int MAX_LINES = 10_000;
    /** Characters accepted in one paste: 10,000 lines of SKU, name and quantity with room to spare. */
    public static final int MAX_CHARS = 4_000_000;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private PastedLines() {
    }

    public static List<InputLine> parse(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("quick-order-empty", "ordering.quick.empty");
        }
        if (text.length() > MAX_CHARS) {
            throw DomainException.invalid("quick-order-too-large", "ordering.quick.too-many-chars", MAX_CHARS);
        }
        String[] lines = LINE_BREAK.split(text.replace("\uFEFF", ""), -1);
        List<InputLine> result = new ArrayList<>();
        Columns columns = null;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            if (columns == null) {
                columns = Columns.header(cells);
                if (columns != null) {
                    continue;
                }
                columns = Columns.DEFAULT;
            }
            result.add(new InputLine(i + 1, columns.sku(cells), columns.quantity(cells)));
            if (result.size() > MAX_LINES) {
                throw tooMany(count(lines, i));
            }
        }
        if (result.isEmpty()) {
            throw DomainException.invalid("quick-order-empty", "ordering.quick.empty");
        }
        return result;
    }

    static DomainException tooMany(long lines) {
        return DomainException.invalid("quick-order-too-many", "ordering.quick.too-many", MAX_LINES, lines);
    }

    /** The non-blank lines from the one that went over the limit to the end, for the message. */
    private static long count(String[] lines, int from) {
        return MAX_LINES + Arrays.stream(lines, from, lines.length).filter(l -> !l.isBlank()).count();
    }

    static List<String> cells(String line) {
        String stripped = line.strip();
        if (line.indexOf('\t') >= 0) {
            return unquote(line.split("\t", -1));
        }
        if (stripped.indexOf(';') >= 0) {
            return unquote(stripped.split(";", -1));
        }
        int comma = stripped.indexOf(',');
        int space = firstWhitespace(stripped);
        if (comma >= 0 && (space < 0 || comma < space)) {
            String[] parts = stripped.split(",", -1);
            if (parts.length == 3 && DIGITS.matcher(parts[1].strip()).matches()
                    && DIGITS.matcher(parts[2].strip()).matches()) {
                return unquote(new String[] {parts[0], parts[1].strip() + "," + parts[2].strip()});
            }
            return unquote(parts);
        }
        String[] words = SPACES.split(stripped, 2);
        return unquote(words.length == 1 ? words : new String[] {words[0], words[1]});
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00A0') {
                return i;
            }
        }
        return -1;
    }

    private static List<String> unquote(String[] cells) {
        List<String> result = new ArrayList<>(cells.length);
        for (String cell : cells) {
            String value = cell.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\"\"", "\"").strip();
            }
            result.add(value);
        }
        return result;
    }
}
