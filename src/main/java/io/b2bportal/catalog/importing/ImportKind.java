package io.b2bportal.catalog.importing;

import java.util.Arrays;
import java.util.List;

/** What a catalog file or batch updates, and the code its jobs carry in the platform's import queue. */
public enum ImportKind {

    PRODUCTS("catalog.products"), STOCK("catalog.stock");

    /** The codes of all catalog imports, for the pages that list only the catalog's jobs. */
    public static final List<String> CODES = Arrays.stream(values()).map(ImportKind::code).toList();

    private final String code;

    ImportKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ImportKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a catalog import: " + code));
    }
}
