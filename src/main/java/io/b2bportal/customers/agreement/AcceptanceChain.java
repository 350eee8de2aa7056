package io.b2bportal.customers.agreement;

import io.b2bportal.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain of the acceptance log. Each entry's hash is the SHA-256 of a canonical text of all its fields
 * and the previous entry's hash, so an entry changed, removed, inserted or moved after the fact no longer
 * matches, and neither does any entry after it. Plain Java: the log appends with it, and anyone can check a copy
 * of the log with it.
 *
 * <p>The canonical text, version 1, is one line per field in this order, each {@code name=<length>:<value>\n}
 * (the length in UTF-16 code units, so no value can pass for another field): seq, legal_entity_id, user_id,
 * accepted_at (UTC, {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}, microseconds as PostgreSQL keeps them), ip,
 * user_agent, template_version, pdf_sha256, prev_hash; after the line
 * {@code b2b-portal/agreement-acceptance/v1}.
 */
public final class AcceptanceChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String HEADER = "b2b-portal/agreement-acceptance/v1\n";
    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AcceptanceChain() {
    }

    /** The fields of an entry that its hash covers. */
    public record Link(long seq, long legalEntityId, long userId, Instant acceptedAt, String ip, String userAgent,
            int templateVersion, String pdfSha256, String prevHash) {
    }

    /** The result of checking a whole log: intact, or the first entry that does not fit and why. */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem) {

        static Verification ok(long entries) {
            return new Verification(true, entries, null, null);
        }

        static Verification broken(long entries, long seq, String problem) {
            return new Verification(false, entries, seq, problem);
        }
    }

    /** The time as the log stores it: PostgreSQL keeps microseconds. */
    public static Instant storable(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static String canonical(Link link) {
        return HEADER
                + field("seq", Long.toString(link.seq()))
                + field("legal_entity_id", Long.toString(link.legalEntityId()))
                + field("user_id", Long.toString(link.userId()))
                + field("accepted_at", UTC_MICROS.format(link.acceptedAt()))
                + field("ip", link.ip())
                + field("user_agent", link.userAgent())
                + field("template_version", Integer.toString(link.templateVersion()))
                + field("pdf_sha256", link.pdfSha256())
                + field("prev_hash", link.prevHash());
    }

    public static String hash(Link link) {
        return Hashes.sha256Hex(canonical(link).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks entries in log order (by seq): each must name the hash of the one before (the genesis value for the
     * first) and carry the hash of its own fields. Seq must grow; gaps are fine (a rolled-back append uses one).
     */
    public static Verification verify(Iterable<? extends Entry> log) {
        Checker checker = new Checker();
        for (Entry entry : log) {
            if (!checker.accept(entry)) {
                break;
            }
        }
        return checker.result();
    }

    /** An entry as stored: its linked fields and its own hash. */
    public interface Entry {

        Link link();

        String entryHash();
    }

    /** Checks a log one entry at a time, so a long log can be streamed rather than loaded. */
    static final class Checker {

        private String previousHash = GENESIS;
        private long previousSeq = Long.MIN_VALUE;
        private long entries;
        private Verification broken;

        /** False once the chain is broken; later entries are not looked at. */
        boolean accept(Entry entry) {
            if (broken != null) {
                return false;
            }
            entries++;
            Link link = entry.link();
            if (link.seq() <= previousSeq) {
                broken = Verification.broken(entries, link.seq(), "seq does not grow after " + previousSeq);
            } else if (!previousHash.equals(link.prevHash())) {
                broken = Verification.broken(entries, link.seq(),
                        "prev_hash does not match the entry before it (" + abbreviate(previousHash) + "…)");
            } else if (!hash(link).equals(entry.entryHash())) {
                broken = Verification.broken(entries, link.seq(), "entry_hash does not match the entry's fields");
            }
            previousSeq = link.seq();
            previousHash = entry.entryHash();
            return broken == null;
        }

        Verification result() {
            return broken != null ? broken : Verification.ok(entries);
        }
    }

    private static String field(String name, String value) {
        return name + "=" + value.length() + ":" + value + "\n";
    }

    private static String abbreviate(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
