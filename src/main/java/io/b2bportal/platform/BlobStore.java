package io.b2bportal.platform;

import io.b2bportal.shared.DomainException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Stores uploaded files (founding documents, claim photos, generated PDFs) by the SHA-256 of their content,
 * in {@code platform.blob}. The same bytes stored twice are one blob; a stored blob never changes and is
 * never deleted (the database refuses both), so a module that keeps a hash keeps exactly those bytes.
 *
 * <p>Only PDF, JPEG and PNG are accepted, recognised by their first bytes: the declared file name (and any
 * content type a browser sent) is never trusted. Files over {@code portal.blobs.max-size} are refused.
 */
@Service
public class BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final JdbcClient jdbc;
    private final long maxSize;

    BlobStore(JdbcClient jdbc, @Value("${portal.blobs.max-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.maxSize = maxSize.toBytes();
    }

    /**
     * Stores the content, or finds it stored already.
     *
     * @param declaredFileName the name the file came with; only used to say which file was refused
     * @throws DomainException {@code file-too-large} (413) over the maximum size, {@code unsupported-file-type}
     *                         (415) for anything but PDF, JPEG and PNG
     */
    public StoredBlob put(byte[] content, String declaredFileName) {
        String name = declaredFileName == null ? "" : declaredFileName;
        if (content.length > maxSize) {
            throw new DomainException(413, "file-too-large", "blob.size.too-large", name,
                    DataSize.ofBytes(maxSize).toMegabytes());
        }
        FileType type = FileType.of(content).orElseThrow(() -> new DomainException(415, "unsupported-file-type",
                "blob.type.unsupported", name, FileType.allowed()));
        StoredBlob blob = new StoredBlob(sha256(content), content.length, type.contentType());
        jdbc.sql("""
                        insert into platform.blob (sha256, size, content_type, content)
                        values (:sha256, :size, :type, :content)
                        on conflict (sha256) do nothing""")
                .param("sha256", blob.sha256())
                .param("size", blob.size())
                .param("type", blob.contentType())
                .param("content", content)
                .update();
        return blob;
    }

    /** The bytes of a stored blob. */
    public Optional<byte[]> get(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select content from platform.blob where sha256 = :sha256")
                .param("sha256", sha256)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }

    /** What is known of a stored blob without reading its bytes: size and content type, e.g. to serve it. */
    public Optional<StoredBlob> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select sha256, size, content_type from platform.blob where sha256 = :sha256")
                .param("sha256", sha256)
                .query(StoredBlob.class)
                .optional();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
