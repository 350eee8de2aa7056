package io.b2bportal.catalog.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a product file may be: a picture (JPEG, PNG) as an image, a PDF or a picture as a datasheet or certificate.
 * The type is read from the bytes by the blob store; a file whose name claims another type (a picture named .pdf) is
 * refused too, since the person uploading it surely meant another file.
 */
public final class FilePolicy {

    public static final Set<String> KINDS = Set.of("IMAGE", "DATASHEET", "CERTIFICATE");
    public static final String FIELD = "file";
    private static final Map<String, String> EXTENSIONS = Map.of("pdf", "application/pdf", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "png", "image/png");

    private FilePolicy() {
    }

    public static Optional<Rejection> check(String kind, String fileName, String contentType) {
        if (!KINDS.contains(kind)) {
            return Optional.of(Rejection.of("kind", "catalog.admin.file.kind.invalid"));
        }
        String name = fileName == null ? "" : fileName;
        int dot = name.lastIndexOf('.');
        String claimed = dot < 0 ? null : EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (claimed != null && !claimed.equals(contentType)) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.file.extension", name, label(contentType)));
        }
        if (kind.equals("IMAGE") && !contentType.startsWith("image/")) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.file.image", name));
        }
        return Optional.empty();
    }

    static String label(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> contentType;
        };
    }
}
