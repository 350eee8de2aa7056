package io.b2bportal.customers.agreement;

import io.b2bportal.customers.agreement.AcceptanceChain.Entry;
import io.b2bportal.customers.agreement.AcceptanceChain.Link;
import io.b2bportal.customers.agreement.AcceptanceChain.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain of the acceptance log on in-memory copies of a log, where every kind of tampering is possible. */
class AgreementChainTests {

    private static final String PDF = "a".repeat(64);

    record Stored(Link link, String entryHash) implements Entry {
    }

    @Test
    void anIntactLogVerifies() {
        Verification verification = AcceptanceChain.verify(log(5));

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.firstBrokenSeq()).isNull();
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(AcceptanceChain.verify(List.of()).intact()).isTrue();
    }

    @Test
    void theFirstEntryLinksToTheGenesisValue() {
        assertThat(log(1).getFirst().link().prevHash()).isEqualTo(AcceptanceChain.GENESIS).hasSize(64);
    }

    @Test
    void aChangedFieldIsFoundAtItsEntry() {
        List<Stored> log = log(5);
        Stored third = log.get(2);
        Link changed = new Link(third.link().seq(), third.link().legalEntityId(), third.link().userId(),
                third.link().acceptedAt(), "10.6.6.6", third.link().userAgent(), third.link().templateVersion(),
                third.link().pdfSha256(), third.link().prevHash());
        log.set(2, new Stored(changed, third.entryHash()));

        Verification verification = AcceptanceChain.verify(log);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(third.link().seq());
        assertThat(verification.problem()).contains("entry_hash");
    }

    @Test
    void anEntryRehashedAfterAChangeBreaksTheNextOne() {
        List<Stored> log = log(5);
        Stored third = log.get(2);
        Link changed = new Link(third.link().seq(), third.link().legalEntityId(), third.link().userId(),
                third.link().acceptedAt().minusSeconds(3600), third.link().ip(), third.link().userAgent(),
                third.link().templateVersion(), third.link().pdfSha256(), third.link().prevHash());
        log.set(2, new Stored(changed, AcceptanceChain.hash(changed)));

        Verification verification = AcceptanceChain.verify(log);

        assertThat(verification.firstBrokenSeq()).isEqualTo(log.get(3).link().seq());
        assertThat(verification.problem()).contains("prev_hash");
    }

    @Test
    void aRemovedEntryBreaksTheChainAtTheOneAfterIt() {
        List<Stored> log = log(5);
        log.remove(1);

        assertThat(AcceptanceChain.verify(log).firstBrokenSeq()).isEqualTo(log.get(1).link().seq());
    }

    @Test
    void swappedEntriesAreFound() {
        List<Stored> log = log(4);
        Stored second = log.get(1);
        log.set(1, log.get(2));
        log.set(2, second);

        assertThat(AcceptanceChain.verify(log).intact()).isFalse();
    }

    @Test
    void gapsInSeqAreFineButSeqMustGrow() {
        List<Stored> gaps = new ArrayList<>();
        String previous = AcceptanceChain.GENESIS;
        for (long seq : new long[] {3, 4, 9, 10}) {
            Stored entry = entry(seq, previous);
            gaps.add(entry);
            previous = entry.entryHash();
        }
        assertThat(AcceptanceChain.verify(gaps).intact()).isTrue();

        Stored first = entry(5, AcceptanceChain.GENESIS);
        Stored sameSeq = entry(5, first.entryHash());
        assertThat(AcceptanceChain.verify(List.of(first, sameSeq)).problem()).contains("seq");
    }

    @Test
    void everyFieldIsPartOfTheHash() {
        Link link = entry(7, AcceptanceChain.GENESIS).link();
        String hash = AcceptanceChain.hash(link);

        List<Link> changed = List.of(
                new Link(8, link.legalEntityId(), link.userId(), link.acceptedAt(), link.ip(), link.userAgent(),
                        link.templateVersion(), link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), 99, link.userId(), link.acceptedAt(), link.ip(), link.userAgent(),
                        link.templateVersion(), link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), 99, link.acceptedAt(), link.ip(), link.userAgent(),
                        link.templateVersion(), link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), link.userId(), link.acceptedAt().plusNanos(1000),
                        link.ip(), link.userAgent(), link.templateVersion(), link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), link.userId(), link.acceptedAt(), "127.0.0.2",
                        link.userAgent(), link.templateVersion(), link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), link.userId(), link.acceptedAt(), link.ip(),
                        link.userAgent() + " ", link.templateVersion(), link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), link.userId(), link.acceptedAt(), link.ip(),
                        link.userAgent(), 2, link.pdfSha256(), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), link.userId(), link.acceptedAt(), link.ip(),
                        link.userAgent(), link.templateVersion(), "b".repeat(64), link.prevHash()),
                new Link(link.seq(), link.legalEntityId(), link.userId(), link.acceptedAt(), link.ip(),
                        link.userAgent(), link.templateVersion(), link.pdfSha256(), "c".repeat(64)));

        assertThat(changed).allSatisfy(other -> assertThat(AcceptanceChain.hash(other)).isNotEqualTo(hash));
    }

    @Test
    void aValueCannotPassForTheNextField() {
        Link honest = new Link(1, 2, 3, Instant.parse("2026-11-27T10:00:00Z"), "127.0.0.1", "Firefox", 1, PDF,
                AcceptanceChain.GENESIS);
        Link forged = new Link(1, 2, 3, Instant.parse("2026-11-27T10:00:00Z"), "127.0.0.1\nuser_agent=7:Firefox",
                "", 1, PDF, AcceptanceChain.GENESIS);

        assertThat(AcceptanceChain.hash(forged)).isNotEqualTo(AcceptanceChain.hash(honest));
    }

    @Test
    void theCanonicalTextIsStableAndUsesUtcMicroseconds() {
        Link link = new Link(1, 2, 3, Instant.parse("2026-11-27T10:00:00.123456789Z"), "127.0.0.1", "UA", 1, PDF,
                AcceptanceChain.GENESIS);

        assertThat(AcceptanceChain.canonical(new Link(1, 2, 3,
                AcceptanceChain.storable(link.acceptedAt()), "127.0.0.1", "UA", 1, PDF, AcceptanceChain.GENESIS)))
                .isEqualTo("b2b-portal/agreement-acceptance/v1\nseq=1:1\nlegal_entity_id=1:2\nuser_id=1:3\n"
                        + "accepted_at=27:2026-11-27T10:00:00.123456Z\nip=9:127.0.0.1\nuser_agent=2:UA\n"
                        + "template_version=1:1\npdf_sha256=64:" + PDF + "\nprev_hash=64:" + AcceptanceChain.GENESIS
                        + "\n");
    }

    private static List<Stored> log(int entries) {
        List<Stored> log = new ArrayList<>();
        String previous = AcceptanceChain.GENESIS;
        for (int i = 1; i <= entries; i++) {
            Stored entry = entry(i * 2L, previous);
            log.add(entry);
            previous = entry.entryHash();
        }
        return log;
    }

    private static Stored entry(long seq, String previous) {
        Link link = new Link(seq, 100 + seq, 200 + seq, Instant.parse("2026-11-27T10:00:00Z").plusSeconds(seq),
                "192.0.2." + seq, "Mozilla/5.0 test " + seq, 1, PDF, previous);
        return new Stored(link, AcceptanceChain.hash(link));
    }
}
