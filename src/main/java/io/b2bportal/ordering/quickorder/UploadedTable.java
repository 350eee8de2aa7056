package io.b2bportal.ordering.quickorder;

import io.b2bportal.platform.imports.RowSink;
import io.b2bportal.platform.imports.TableFile;
import io.b2bportal.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads "SKU, quantity" rows from an uploaded CSV (UTF-8 or windows-1251, separated by {@code ,}, {@code ;} or tab) or
 * XLSX (first sheet) with the platform's readers. The columns are the ones the buyer chose (a letter {@code A}, a
 * number {@code 1}, or a header name), else the ones a header row names ({@code sku}/{@code артикул},
 * {@code qty}/{@code количество}...), else the first two. A first row that names no SKU column is data. At most
 * {@value PastedLines#MAX_LINES} rows.
 */
public final class UploadedTable {

    private UploadedTable() {
    }

    public static List<InputLine> read(String fileName, byte[] content, String skuColumn, String quantityColumn) {
        List<InputLine> lines = new ArrayList<>();
        TableFile.of(fileName, content).read(new RowSink() {
            private Columns columns;

            @Override
            public void header(List<String> cells) {
                Columns named = Columns.header(cells);
                for (String chosen : new String[] {skuColumn, quantityColumn}) {
                    if (named == null && !blank(chosen) && !letterOrNumber(chosen)) {
                        throw DomainException.invalid("quick-order-column", "ordering.quick.file.no-header", chosen);
                    }
                }
                columns = chosen(cells, named, skuColumn, quantityColumn);
                if (named == null) {
                    row(1, cells);
                }
            }

            @Override
            public void row(int rowNo, List<String> cells) {
                String sku = columns.sku(cells);
                String quantity = columns.quantity(cells);
                if (sku == null && quantity == null) {
                    return;
                }
                if (lines.size() == PastedLines.MAX_LINES) {
                    throw PastedLines.tooMany(PastedLines.MAX_LINES + 1L);
                }
                lines.add(new InputLine(rowNo, sku, quantity));
            }
        });
        if (lines.isEmpty()) {
            throw DomainException.invalid("quick-order-empty", "ordering.quick.empty");
        }
        return lines;
    }

    /** The buyer's choice wins over the header's names; either wins over the first two columns. */
    static Columns chosen(List<String> header, Columns named, String skuColumn, String quantityColumn) {
        Columns base = named == null ? Columns.DEFAULT : named;
        int sku = blank(skuColumn) ? base.skuColumn() : column(header, skuColumn);
        int quantity = blank(quantityColumn) ? base.quantityColumn() : column(header, quantityColumn);
        return new Columns(sku, quantity);
    }

    /** "B" or "b" → 1, "2" → 1, a header name (any case) → its position. */
    static int column(List<String> header, String chosen) {
        String value = chosen.strip();
        if (value.matches("^[A-Za-z]{1,2}$")) {
            int index = 0;
            for (char c : value.toUpperCase(Locale.ROOT).toCharArray()) {
                index = index * 26 + (c - 'A' + 1);
            }
            return index - 1;
        }
        if (value.matches("^[0-9]{1,3}$") && Integer.parseInt(value) > 0) {
            return Integer.parseInt(value) - 1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && header.get(i).strip().equalsIgnoreCase(value)) {
                return i;
            }
        }
        throw DomainException.invalid("quick-order-column", "ordering.quick.file.column", value,
                String.join(", ", header.stream().map(h -> h == null ? "" : h.strip()).toList()));
    }

    private static boolean letterOrNumber(String value) {
        return value.strip().matches("^([A-Za-z]{1,2}|[0-9]{1,3})$");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
