package io.b2bportal.claims.web;

import io.b2bportal.claims.claim.ClaimQueries.StoredFile;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.shared.DomainException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A claim's file as it leaves the portal: its bytes with the type read from them on upload, the original name as an
 * attachment (pictures still show in an {@code img}), never sniffed into something a browser would run.
 */
final class ClaimFileResponse {

    private ClaimFileResponse() {
    }

    static ResponseEntity<byte[]> of(StoredFile file, BlobStore blobs) {
        byte[] content = blobs.get(file.blobSha256())
                .orElseThrow(() -> DomainException.notFound("claim-file", file.id()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(content);
    }
}
