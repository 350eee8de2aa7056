package io.b2bportal.payments.bank;

import io.b2bportal.shared.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a 1C client-bank exchange file ({@code 1CClientBankExchange}, format 1.03 as published by 1C): a header of
 * {@code key=value} lines, balance sections {@code СекцияРасчСчет … КонецРасчСчет}, one {@code СекцияДокумент=<kind>
 * … КонецДокумента} per payment document, and {@code КонецФайла}. Text is Windows-1251 ({@code Кодировка=Windows}) or
 * CP866 ({@code Кодировка=DOS}). The whole file is refused when it is not such a file, is in another encoding (a UTF-8
 * export is the usual mistake), or ends without {@code КонецФайла} (cut short); a single broken document (no
 * {@code КонецДокумента} before the next one) is returned with its problem, so that it is reported and not imported.
 */
public final class ClientBankExchange {

    static final String HEADER = "1CClientBankExchange";
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset CP866 = Charset.forName("IBM866");

    private ClientBankExchange() {
    }

    /** The file read: its declared encoding, header fields, and its documents in file order. */
    public record Parsed(String encoding, Map<String, String> header, List<Document> documents) {
    }

    /**
     * One payment document: its kind ({@code Платежное поручение}, …), the line it starts on, its fields; and, if it
     * is broken, why (message key and arguments).
     */
    public record Document(int index, int line, String kind, Map<String, String> fields, String problemKey,
            List<String> problemArgs) {

        public String get(String key) {
            String value = fields.get(key);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public static Parsed parse(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw refused("statement-empty", "payments.statement.empty");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw refused("statement-encoding", "payments.statement.utf8");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw refused("statement-encoding", "payments.statement.encoding-unknown");
        }
        String text = new String(bytes, WINDOWS_1251);
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        if (!HEADER.equals(firstLine)) {
            throw refused("statement-not-1c", "payments.statement.not-1c");
        }
        String encoding;
        if (text.contains("Кодировка=Windows")) {
            encoding = "Windows";
        } else if (new String(bytes, CP866).contains("Кодировка=DOS")) {
            encoding = "DOS";
            text = new String(bytes, CP866);
        } else if (isUtf8WithCyrillic(bytes)) {
            throw refused("statement-encoding", "payments.statement.utf8");
        } else {
            throw refused("statement-encoding", "payments.statement.encoding-unknown");
        }
        return sections(text, encoding);
    }

    private static Parsed sections(String text, String encoding) {
        Map<String, String> header = new LinkedHashMap<>();
        List<Document> documents = new ArrayList<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        boolean inAccount = false;
        boolean ended = false;
        String kind = null;
        int start = 0;
        Map<String, String> fields = null;
        for (int i = 0; i < lines.length && !ended; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || i == 0 && line.equals(HEADER)) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1);
            switch (key) {
                case "СекцияДокумент" -> {
                    if (fields != null) {
                        documents.add(broken(documents.size(), start, kind, fields,
                                "payments.statement.doc.unterminated"));
                    }
                    kind = value.strip();
                    start = i + 1;
                    fields = new LinkedHashMap<>();
                }
                case "КонецДокумента" -> {
                    if (fields != null) {
                        documents.add(new Document(documents.size(), start, kind, fields, null, List.of()));
                    }
                    fields = null;
                }
                case "СекцияРасчСчет" -> inAccount = true;
                case "КонецРасчСчет" -> inAccount = false;
                case "КонецФайла" -> ended = true;
                default -> {
                    if (fields != null) {
                        fields.putIfAbsent(key, value);
                    } else if (!inAccount) {
                        header.putIfAbsent(key, value.strip());
                    }
                }
            }
        }
        if (fields != null) {
            documents.add(broken(documents.size(), start, kind, fields, "payments.statement.doc.unterminated"));
        }
        if (!ended) {
            throw refused("statement-cut-short", "payments.statement.no-end");
        }
        return new Parsed(encoding, header, documents);
    }

    private static Document broken(int index, int line, String kind, Map<String, String> fields, String key) {
        return new Document(index, line, kind, fields, key, List.of(String.valueOf(line)));
    }

    private static boolean isUtf8WithCyrillic(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().anyMatch(c -> c >= 0x0400 && c <= 0x04FF);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static DomainException refused(String code, String key, Object... args) {
        return DomainException.invalid(code, key, args);
    }
}
