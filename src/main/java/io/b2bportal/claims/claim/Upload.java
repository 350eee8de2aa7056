package io.b2bportal.claims.claim;

/**
 * A file as it came in (page or API), not trusted yet: the blob store checks its bytes.
 *
 * @param kind PHOTO, FILE or ACT for a claim's own files, MESSAGE for a file of a thread message
 */
public record Upload(String kind, String fileName, byte[] content) {
}
