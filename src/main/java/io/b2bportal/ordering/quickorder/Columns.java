package io.b2bportal.ordering.quickorder;

import io.b2bportal.ordering.cart.QuantityPolicy;
import java.util.List;
import java.util.Locale;

/** Where the SKU and the quantity are, by position; found by name in a header line. */
record Columns(int skuColumn, int quantityColumn) {

    static final Columns DEFAULT = new Columns(0, 1);

    static final List<String> SKU_NAMES = List.of("sku", "артикул", "код товара", "код", "article", "item",
            "part number", "part no", "арт");
    static final List<String> QUANTITY_NAMES = List.of("qty", "quantity", "количество", "кол-во", "кол.", "кол",
            "amount", "count", "заказ");

    /**
     * The columns named in a header line, or null when the line is not a header: it names a SKU column and
     * holds no number (so that a line "ITEM-5 10" stays data).
     */
    static Columns header(List<String> cells) {
        if (cells.stream().filter(java.util.Objects::nonNull).anyMatch(cell -> QuantityPolicy.parse(cell).quantity() != null)) {
            return null;
        }
        int sku = find(cells, SKU_NAMES);
        if (sku < 0) {
            return null;
        }
        int quantity = find(cells, QUANTITY_NAMES);
        return new Columns(sku, quantity);
    }

    /** The first cell that is one of the names, or starts with one followed by a non-letter ("Кол-во, шт"). */
    private static int find(List<String> cells, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i).toLowerCase(Locale.ROOT).replace('ё', 'е');
                if (cell.equals(name) || cell.startsWith(name) && cell.length() > name.length()
                        && !Character.isLetter(cell.charAt(name.length()))) {
                    return i;
                }
            }
        }
        return -1;
    }

    String sku(List<String> cells) {
        return cell(cells, skuColumn);
    }

    String quantity(List<String> cells) {
        return cell(cells, quantityColumn);
    }

    private static String cell(List<String> cells, int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        String value = cells.get(column) == null ? "" : cells.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
