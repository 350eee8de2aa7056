package io.b2bportal.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes that several modules store and compare: a signed contract refers to the SHA-256 of the exact
 * PDF the buyer accepted, and a stored document is checked against its hash before it is served again.
 */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256 of the bytes as 64 lowercase hex digits, the form we store and show. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
