package io.b2bportal.platform.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes), in UTF-8 with or without a BOM or
 * in windows-1251, separated by {@code ;}, {@code ,} or tab. The encoding is not declared by anyone, so it is
 * detected: strict UTF-8 first; bytes that are not UTF-8 but decode to Cyrillic text in windows-1251 are taken as
 * windows-1251; anything else is refused. The separator is the one of the three that occurs most often (outside
 * quotes) in the header line.
 */
final class CsvTable extends TableFile {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int MAX_FIELD = 100_000;

    private final byte[] content;
    private final int start;
    private final Charset charset;
    private final char delimiter;

    CsvTable(byte[] content) {
        this.content = content;
        boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
        this.start = bom ? 3 : 0;
        this.charset = bom || isStrictUtf8(content) ? StandardCharsets.UTF_8 : windows1251OrRefuse(content);
        this.delimiter = detectDelimiter();
    }

    Charset charset() {
        return charset;
    }

    char delimiter() {
        return delimiter;
    }

    @Override
    public boolean decimalComma() {
        return delimiter != ',';
    }

    /** Line breaks (a little high with multi-line quoted cells), less the header. */
    @Override
    public int estimatedRows() {
        int lines = 0;
        for (int i = start; i < content.length; i++) {
            if (content[i] == '\n') {
                lines++;
            }
        }
        boolean lastLineOpen = content.length > start && content[content.length - 1] != '\n';
        return Math.max(0, lines + (lastLineOpen ? 1 : 0) - 1);
    }

    @Override
    public void read(RowSink sink) {
        try (PushbackReader in = new PushbackReader(reader(), 1)) {
            List<String> header = record(in, 1);
            while (header != null && isBlank(header)) {
                header = record(in, 1);
            }
            if (header == null) {
                throw fileProblem("empty");
            }
            sink.header(header);
            int rowNo = 1;
            List<String> cells;
            while ((cells = record(in, rowNo + 1)) != null) {
                rowNo++;
                if (!isBlank(cells)) {
                    sink.row(rowNo, cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reader reader() {
        return new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), charset);
    }

    private List<String> record(PushbackReader in, int rowNo) throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw fileProblem("unterminated-quote", String.valueOf(rowNo));
                }
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = in.read();
                    if (next != '\n' && next != -1) {
                        in.unread(next);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw fileProblem("field-too-long", String.valueOf(rowNo), String.valueOf(MAX_FIELD));
            }
            c = in.read();
        }
    }

    private char detectDelimiter() {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        try (Reader in = reader()) {
            int c;
            int read = 0;
            while ((c = in.read()) != -1 && read++ < 65_536) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    if (semicolons + commas + tabs > 0) {
                        break;
                    }
                } else if (!quoted) {
                    semicolons += c == ';' ? 1 : 0;
                    commas += c == ',' ? 1 : 0;
                    tabs += c == '\t' ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /** Decodes in small chunks so that a 64 MB file is checked without a 128 MB string. */
    static boolean isStrictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
        }
    }

    /**
     * Russian text in windows-1251 has words of Cyrillic letters; Latin-1 or another single-byte code page read as
     * windows-1251 gives Cyrillic letters stuck inside Latin words ("Café" becomes "Cafй"). So: at least one Cyrillic
     * word, and more Cyrillic words than mixed ones.
     */
    private static Charset windows1251OrRefuse(byte[] bytes) {
        int cyrillicWords = 0;
        int mixedWords = 0;
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i <= bytes.length; i++) {
            int u = i == bytes.length ? ' ' : bytes[i] & 0xFF;
            boolean isCyrillic = u >= 0xC0 || u == 0xA8 || u == 0xB8;
            boolean isLatin = u >= 'A' && u <= 'Z' || u >= 'a' && u <= 'z';
            if (isCyrillic || isLatin) {
                cyrillic |= isCyrillic;
                latin |= isLatin;
            } else {
                cyrillicWords += cyrillic && !latin ? 1 : 0;
                mixedWords += cyrillic && latin ? 1 : 0;
                cyrillic = false;
                latin = false;
            }
        }
        if (cyrillicWords > 0 && cyrillicWords > mixedWords) {
            return WINDOWS_1251;
        }
        throw fileProblem("encoding");
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
