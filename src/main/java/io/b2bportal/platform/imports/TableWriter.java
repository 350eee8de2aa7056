package io.b2bportal.platform.imports;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes export rows, streamed: CSV straight to the output, XLSX through SXSSF (100 rows in memory, the rest in a
 * compressed temp file). Values: text, {@link BigDecimal} (a number cell; a decimal comma in CSV), Boolean, or
 * anything else as its {@code toString()}; null is an empty cell. A text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) is defused: in CSV it gets a leading apostrophe (the import strips it again,
 * see {@link Cells#text(String)}), in XLSX it is a string cell, which Excel never evaluates.
 */
public abstract sealed class TableWriter implements Closeable {

    /** What to write. */
    public enum Format {
        CSV("text/csv; charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** The file name extension, without the dot. */
        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code csv} or {@code xlsx} in any case; anything else is refused with {@code imports.export.format}. */
        public static Format parse(String text) {
            return switch (text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw io.b2bportal.shared.DomainException.invalid("export-format", "imports.export.format",
                        text);
            };
        }
    }

    public abstract void row(List<Object> values);

    /** A writer onto {@code out}; {@code sheet} names the XLSX sheet. Close it to finish the file. */
    public static TableWriter of(Format format, OutputStream out, String sheet) {
        return format == Format.XLSX ? new Xlsx(out, sheet) : new Csv(out);
    }

    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    /**
     * UTF-8 with a BOM, ";" between fields and a decimal comma: what Excel in a Russian locale opens correctly by
     * double click. The import reads it back (";" files accept the decimal comma).
     */
    static final class Csv extends TableWriter {

        private final Writer out;

        Csv(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
            write("\uFEFF");
        }

        @Override
        public void row(List<Object> values) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    line.append(';');
                }
                line.append(field(values.get(i)));
            }
            write(line.append("\r\n").toString());
        }

        static String field(Object value) {
            if (value == null) {
                return "";
            }
            String text = value instanceof BigDecimal n ? n.toPlainString().replace('.', ',')
                    : value instanceof Boolean b ? (b ? "true" : "false") : value.toString();
            if (!(value instanceof BigDecimal) && looksLikeFormula(text)) {
                text = "'" + text;
            }
            if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** SXSSF keeps 100 rows in memory and flushes the rest to a temp file, so 100,000 rows stay small. */
    static final class Xlsx extends TableWriter {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet;
        private int next;

        Xlsx(OutputStream out, String name) {
            this.out = out;
            this.workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet(name);
        }

        @Override
        public void row(List<Object> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof BigDecimal n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
