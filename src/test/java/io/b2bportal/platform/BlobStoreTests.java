package io.b2bportal.platform;

import io.b2bportal.shared.DomainException;
import io.b2bportal.support.PortalTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The blob store keeps PDF, JPEG and PNG files by content, once, for ever, and nothing else. */
@PortalTest
class BlobStoreTests {

    private static final int MAX = 20 * 1024 * 1024;

    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    @Test
    void storesAFileUnderTheSha256OfItsBytesAndGivesTheBytesBack() {
        byte[] pdf = pdf("устав");

        StoredBlob blob = blobs.put(pdf, "Устав.pdf");

        assertThat(blob.sha256()).isEqualTo(BlobStore.sha256(pdf)).hasSize(64).matches("[0-9a-f]+");
        assertThat(blob.size()).isEqualTo(pdf.length);
        assertThat(blob.contentType()).isEqualTo("application/pdf");
        assertThat(blobs.get(blob.sha256())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pdf));
        assertThat(blobs.find(blob.sha256())).hasValue(blob);
    }

    @Test
    void theContentTypeComesFromTheBytesNotFromTheName() {
        assertThat(blobs.put(png(), "scan.pdf").contentType()).isEqualTo("image/png");
        assertThat(blobs.put(jpeg(), "photo.PNG").contentType()).isEqualTo("image/jpeg");
        assertThat(blobs.put(pdf("x"), "no-extension").contentType()).isEqualTo("application/pdf");
    }

    @Test
    void theSameBytesStoredTwiceAreOneRow() {
        byte[] content = pdf("twice");

        StoredBlob first = blobs.put(content, "a.pdf");
        StoredBlob second = blobs.put(content.clone(), "b.pdf");

        assertThat(second).isEqualTo(first);
        assertThat(rows(first.sha256())).isEqualTo(1);
    }

    @Test
    void anExecutableRenamedToJpgIsRefused() {
        byte[] windows = withPrefix("4d5a9000", 512);     // MZ: a Windows executable
        byte[] linux = withPrefix("7f454c46", 512);       // \x7fELF

        for (byte[] executable : new byte[][] {windows, linux}) {
            DomainException refused = catchThrowableOfType(DomainException.class,
                    () -> blobs.put(executable, "holiday.jpg"));

            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.code()).isEqualTo("unsupported-file-type");
            assertThat(refused.messageKey()).isEqualTo("blob.type.unsupported");
            assertThat(rows(BlobStore.sha256(executable))).isZero();
            assertThat(messages.getMessage(refused.messageKey(), refused.arguments(), Locale.ENGLISH))
                    .contains("holiday.jpg").contains("PDF, JPEG, PNG");
            assertThat(messages.getMessage(refused.messageKey(), refused.arguments(), Locale.forLanguageTag("ru")))
                    .contains("Загрузите файл").contains("PDF, JPEG, PNG");
        }
    }

    @Test
    void anEmptyFileOrOneWithOnlyPartOfAMagicNumberIsRefused() {
        assertThatThrownBy(() -> blobs.put(new byte[0], "empty.pdf")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> blobs.put("%PD".getBytes(StandardCharsets.US_ASCII), "short.pdf"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> blobs.put(HexFormat.of().parseHex("89504e470d0a1a"), "short.png"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aFileOneByteOverTwentyMegabytesIsRefused() {
        byte[] tooLarge = pdfOfSize(MAX + 1);

        DomainException refused = catchThrowableOfType(DomainException.class, () -> blobs.put(tooLarge, "big.pdf"));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("file-too-large");
        assertThat(messages.getMessage(refused.messageKey(), refused.arguments(), Locale.ENGLISH))
                .contains("big.pdf").contains("20 MB");
        assertThat(rows(BlobStore.sha256(tooLarge))).isZero();
    }

    @Test
    void aFileOfExactlyTwentyMegabytesIsStored() {
        byte[] largest = pdfOfSize(MAX);

        StoredBlob blob = blobs.put(largest, "largest.pdf");

        assertThat(blob.size()).isEqualTo(MAX);
        assertThat(blobs.find(blob.sha256())).hasValueSatisfying(found -> assertThat(found.size()).isEqualTo(MAX));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteABlob() {
        byte[] content = pdf("immutable");
        String sha256 = blobs.put(content, "a.pdf").sha256();

        assertThatThrownBy(() -> jdbc.sql("update platform.blob set content = :c where sha256 = :s")
                .param("c", pdf("forged")).param("s", sha256).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update platform.blob set content_type = 'image/png' where sha256 = :s")
                .param("s", sha256).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from platform.blob where sha256 = :s").param("s", sha256).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("truncate platform.blob cascade").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");

        assertThat(blobs.get(sha256)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        assertThat(blobs.find(sha256)).hasValueSatisfying(blob -> assertThat(blob.contentType()).isEqualTo("application/pdf"));
    }

    @Test
    void anUnknownOrMalformedHashFindsNothing() {
        assertThat(blobs.get("0".repeat(64))).isEmpty();
        assertThat(blobs.get("../etc/passwd")).isEmpty();
        assertThat(blobs.get("A".repeat(64))).isEmpty();
        assertThat(blobs.find(null)).isEmpty();
    }

    private long rows(String sha256) {
        return jdbc.sql("select count(*) from platform.blob where sha256 = :s").param("s", sha256)
                .query(Long.class).single();
    }

    /** A PDF-looking file, unique per call so tests do not share rows. */
    private static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = Arrays.copyOf(pdf("large"), size);
        Arrays.fill(content, 64, size, (byte) ' ');
        return content;
    }

    private static byte[] png() {
        return withPrefix("89504e470d0a1a0a0000000d49484452", 64);
    }

    private static byte[] jpeg() {
        return withPrefix("ffd8ffe000104a464946", 64);
    }

    /** The given first bytes, then random ones, so every call is a new blob. */
    private static byte[] withPrefix(String hex, int size) {
        byte[] prefix = HexFormat.of().parseHex(hex);
        byte[] content = new byte[size];
        new java.util.Random().nextBytes(content);
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        return content;
    }
}
