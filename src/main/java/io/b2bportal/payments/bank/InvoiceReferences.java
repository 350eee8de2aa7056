package io.b2bportal.payments.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invoices a payment's purpose names, as people write them: the printed number {@code СЧ-2026-00042} (also with
 * a Latin C), or a short form {@code счет № 42 от 27.11.2026}, {@code сч.42}, {@code по счетам 41, 42}, {@code
 * счёту N42}. A short form without a date means the payment's own year. Bank account numbers after "счет" (20
 * digits) are not invoice numbers.
 */
public final class InvoiceReferences {

    /** An invoice of a year and sequence; {@code yearStated} false when the year was assumed. */
    public record Reference(int year, int seq, boolean yearStated) {
    }

    private static final Pattern FULL = Pattern.compile("(?iu)(?<![\\p{L}\\d])сч\\s*-\\s*(\\d{4})\\s*-\\s*(\\d{1,6})(?!\\d)");
    private static final Pattern SHORT = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:сч[её]т(?:у|а|ам|ов|ы|ом|ах)?|сч\\.?)\\s*(?:№|N|No\\.?|#)?\\s*"
                    + "(\\d{1,6}(?!\\d)(?:\\s*(?:,|;|и)\\s*(?:№|N)?\\s*\\d{1,6}(?!\\d))*)"
                    + "(?:\\s*от\\s*(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d))?");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private InvoiceReferences() {
    }

    public static List<Reference> find(String purpose, int paymentYear) {
        if (purpose == null || purpose.isBlank()) {
            return List.of();
        }
        // Latin C and c look the same as Cyrillic С and с, and people mix them
        String text = purpose.replace('C', 'С').replace('c', 'с');
        Set<Reference> found = new LinkedHashSet<>();
        Matcher full = FULL.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (full.find()) {
            found.add(new Reference(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)), true));
            full.appendReplacement(rest, " ");
        }
        full.appendTail(rest);
        Matcher shortForm = SHORT.matcher(rest);
        while (shortForm.find()) {
            int year = paymentYear;
            boolean stated = false;
            if (shortForm.group(4) != null) {
                year = Integer.parseInt(shortForm.group(4));
                year = year < 100 ? 2000 + year : year;
                stated = true;
            }
            Matcher numbers = NUMBER.matcher(shortForm.group(1));
            while (numbers.find()) {
                found.add(new Reference(year, Integer.parseInt(numbers.group()), stated));
            }
        }
        return new ArrayList<>(found);
    }
}
