package io.b2bportal.platform.imports;

import io.b2bportal.shared.DomainException;
import java.util.Locale;

/**
 * A CSV or XLSX upload, read as a table. Which one is decided by the name and, for XLSX, the zip signature. The
 * file is read as a stream of rows ({@link #read(RowSink)}), so a million rows never sit in memory at once; only the
 * uploaded bytes do, and their size is capped by the multipart limit.
 */
public abstract sealed class TableFile implements RowSource permits CsvTable, XlsxTable {

    /** Opens an upload; a format or text encoding that cannot be read is refused now, as a DomainException. */
    public static TableFile of(String fileName, byte[] content) {
        if (content.length == 0) {
            throw fileProblem("empty");
        }
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

    /** Reads the whole table into the sink; problems with the file as a whole are thrown as DomainException. */
    @Override
    public abstract void read(RowSink sink);

    /**
     * Whether "1,5" means 1.5 as far as the file can tell: only where the comma cannot be a field separator (CSV
     * separated by ; or tab, XLSX). A module that asks the uploader to declare the decimal separator ignores this.
     */
    @Override
    public abstract boolean decimalComma();

    /** The number of data rows, as far as it is known before reading (for a progress bar); 0 when unknown. */
    public abstract int estimatedRows();

    /** A problem with a whole file: HTTP 422 with the message {@code imports.file.<what>}. */
    public static DomainException fileProblem(String what, Object... args) {
        return DomainException.invalid("import-file", "imports.file." + what, args);
    }
}
