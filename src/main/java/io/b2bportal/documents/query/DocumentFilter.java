package io.b2bportal.documents.query;

import io.b2bportal.documents.DocumentKind;
import io.b2bportal.documents.InvoiceStatus;
import io.b2bportal.shared.DomainException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a documents list is narrowed to: kind, period of issue, status (a document's own, or an invoice's derived
 * one: PAID, OVERDUE, …), order number. Parsed from request parameters; anything unknown is refused (400) rather
 * than silently ignored, so a typo never shows "all documents".
 */
public record DocumentFilter(DocumentKind kind, LocalDate from, LocalDate to, String status, String order) {

    /** The longest period a list or an act may span. */
    public static final int MAX_YEARS = 3;

    public static DocumentFilter parse(String type, LocalDate from, LocalDate to, String status, String order) {
        DocumentKind kind = null;
        if (type != null && !type.isBlank()) {
            kind = Arrays.stream(DocumentKind.values()).filter(k -> k.name().equalsIgnoreCase(type.strip()))
                    .findFirst().orElseThrow(() -> new DomainException(400, "bad-filter",
                            "documents.filter.type.unknown", type));
        }
        String shownStatus = null;
        if (status != null && !status.isBlank()) {
            shownStatus = status.strip().toUpperCase(Locale.ROOT);
            String candidate = shownStatus;
            boolean known = Arrays.stream(InvoiceStatus.values()).anyMatch(s -> s.name().equals(candidate));
            if (!known) {
                throw new DomainException(400, "bad-filter", "documents.filter.status.unknown", status);
            }
        }
        checkPeriod(from, to);
        return new DocumentFilter(kind, from, to, shownStatus,
                order == null || order.isBlank() ? null : order.strip());
    }

    /** Refuses a period that ends before it starts or spans more than {@link #MAX_YEARS} years (400). */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                throw new DomainException(400, "bad-period", "documents.period.reversed", from, to);
            }
            if (to.isAfter(from.plusYears(MAX_YEARS))) {
                throw new DomainException(400, "bad-period", "documents.period.too-long", MAX_YEARS);
            }
        }
    }

    public static DocumentFilter none() {
        return new DocumentFilter(null, null, null, null, null);
    }
}
