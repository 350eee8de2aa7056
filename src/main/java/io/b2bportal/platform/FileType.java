package io.b2bportal.platform;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** The file types the portal accepts, each recognised by the magic number its bytes start with. */
enum FileType {

    PDF("application/pdf", "PDF", "255044462d"),   // %PDF-
    JPEG("image/jpeg", "JPEG", "ffd8ff"),
    PNG("image/png", "PNG", "89504e470d0a1a0a");

    private final String contentType;
    private final String label;
    private final byte[] magic;

    FileType(String contentType, String label, String magicHex) {
        this.contentType = contentType;
        this.label = label;
        this.magic = HexFormat.of().parseHex(magicHex);
    }

    String contentType() {
        return contentType;
    }

    static Optional<FileType> of(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.starts(content)).findFirst();
    }

    /** "PDF, JPEG, PNG", for messages that name what is allowed. */
    static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(type -> type.label).toList());
    }

    private boolean starts(byte[] content) {
        return content.length >= magic.length
                && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
