package io.b2bportal.platform;

/**
 * A file in the {@link BlobStore}: its name is the SHA-256 of its bytes (64 lower-case hex digits), and its
 * content type was read from those bytes, never from a file name.
 */
public record StoredBlob(String sha256, long size, String contentType) {
}
