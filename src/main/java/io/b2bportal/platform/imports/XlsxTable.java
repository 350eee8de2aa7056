package io.b2bportal.platform.imports;

import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, streamed with POI's SAX event API so that memory does not grow with the
 * number of rows. Refused: archives that inflate like a zip bomb (POI's ZipSecureFile limits) and any part with a
 * DOCTYPE (the only way to smuggle in an external entity; a spreadsheet never needs one). Numbers are read as
 * their raw value, not as the cell's display format; date cells as ISO dates.
 */
final class XlsxTable extends TableFile {

    static {
        // a sheet part may be large (100,000 rows × 30 columns), but never more than 100 times its compressed size
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(1L << 30);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private final byte[] content;

    XlsxTable(byte[] content) {
        this.content = content;
    }

    @Override
    public boolean decimalComma() {
        return true;
    }

    /** Counted as the sheet is read. */
    @Override
    public int estimatedRows() {
        return 0;
    }

    @Override
    public void read(RowSink sink) {
        Path file = null;
        try {
            file = Files.createTempFile("portal-import", ".xlsx");
            Files.write(file, content);
            refuseDoctypes(file);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                var strings = new ReadOnlySharedStringsTable(pkg, false);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw fileProblem("empty");
                }
                Rows rows = new Rows(sink);
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = secureSax();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows,
                            new RawValues(), false));
                    xml.parse(new InputSource(sheet));
                }
                if (!rows.headerSeen) {
                    throw fileProblem("empty");
                }
            }
        } catch (DomainException e) {
            throw e;
        } catch (SinkFailure e) {
            throw e.getCause();
        } catch (Exception e) {
            throw translate(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is cleaned by the OS
                }
            }
        }
    }

    /** What the sink threw, carried through POI and the SAX parser untouched (it is not a problem of the file). */
    private static final class SinkFailure extends RuntimeException {

        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static RuntimeException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SinkFailure sink) {
                return sink.getCause();
            }
            if (t instanceof DomainException domain) {
                return domain;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("max file count")
                    || message.contains("maxentrysize") || message.contains("inflate")) {
                return fileProblem("zip-bomb");
            }
            if (message.contains("doctype")) {
                return fileProblem("doctype");
            }
        }
        LoggerFactory.getLogger(XlsxTable.class).info("Unreadable XLSX upload: {}", e.toString(), e);
        return fileProblem("xlsx-unreadable");
    }

    /** Before POI parses anything (it reads the package properties on open): the raw prolog of every entry. */
    private static void refuseDoctypes(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (++count > 1000) {
                    throw fileProblem("zip-bomb");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    // a DOCTYPE can only stand in the prolog, before the root element
                    String prolog = new String(in.readNBytes(16_384), StandardCharsets.UTF_8);
                    if (prolog.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                        throw fileProblem("doctype");
                    }
                }
            }
        }
    }

    private static XMLReader secureSax() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory.newSAXParser().getXMLReader();
    }

    /** Raw numbers (no thousands separators, no rounding to the display format), dates as yyyy-MM-dd. */
    static final class RawValues extends DataFormatter {

        RawValues() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        boolean headerSeen;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            List<String> row = cells.stream().map(c -> c == null ? "" : c).toList();
            try {
                if (!headerSeen) {
                    headerSeen = true;
                    sink.header(row);
                } else {
                    sink.row(rowNum + 1, row);
                }
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }
    }
}
