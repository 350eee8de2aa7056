package io.b2bportal.catalog.importing;

import io.b2bportal.shared.DomainException;
import java.util.Locale;

/** A CSV or XLSX upload, read as a table. Which one is decided by the name and, for XLSX, the zip signature. */
abstract sealed class TableFile permits CsvTable, XlsxTable {

    /** Reads the whole table into the sink; problems with the file as a whole are thrown as DomainException. */
    abstract void read(RowSink sink);

    /** Whether "1,5" means 1.5: only where the comma cannot be a field separator. */
    abstract boolean decimalComma();

    static TableFile of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (name.endsWith(".xlsx") || zip) {
            return new XlsxTable(content);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv") || name.isEmpty()) {
            return new CsvTable(content);
        }
        throw fileProblem("format");
    }

    static DomainException fileProblem(String what, Object... args) {
        return DomainException.invalid("catalog-import-file", "catalog.import.file." + what, args);
    }
}
