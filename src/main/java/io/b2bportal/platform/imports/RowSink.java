package io.b2bportal.platform.imports;

import java.util.List;

/** Receives a table row by row, as a file is read: the header first, then each data row with its row number. */
public interface RowSink {

    void header(List<String> columns);

    /** {@code rowNo} counts the header as row 1, as a spreadsheet shows it. */
    void row(int rowNo, List<String> cells);
}
