package io.b2bportal.documents;

/** The kinds of document the seller issues, with the prefix of their printed numbers. */
public enum DocumentKind {
    INVOICE("СЧ"), TRANSFER("УПД"), CREDIT_NOTE("КН"), RECONCILIATION("АС");

    private final String prefix;

    DocumentKind(String prefix) {
        this.prefix = prefix;
    }

    /** The number as printed: СЧ-2026-00042. */
    public String number(int year, int seq) {
        return prefix + "-" + year + "-" + String.format("%05d", seq);
    }
}
