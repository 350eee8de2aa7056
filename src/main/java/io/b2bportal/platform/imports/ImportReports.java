package io.b2bportal.platform.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Jobs and their reports in the reader's language, for pages (the {@code platform/imports :: panel} fragment) and
 * the API: whole-file failures, row reasons, old and new values with the locale's digits.
 */
@Component
public class ImportReports {

    /**
     * The message keys that head the report's optional columns for one kind of import; a null key hides the
     * column (catalog: only the SKU; prices: list, SKU, tier, old and new price).
     */
    public record Columns(String scope, String subject, String detail, String oldValue, String newValue) {
    }

    /** A row of the report as a page shows it: values formatted, the reason spelled out, the change in per cent. */
    public record RowView(Integer row, String outcome, String scope, String subject, String detail, String oldValue,
            String newValue, String change, String message) {
    }

    /**
     * What the panel fragment shows: the job, the reason it failed, its report (once finished), the columns, and
     * {@code base}, the module's address of its import pages ({@code base/{id}/panel}, {@code base/{id}/apply}).
     */
    public record Panel(String base, ImportJob job, String failure, List<RowView> rows, Columns columns,
            int maxAttempts) {
    }

    private final MessageSource messages;
    private final Imports imports;
    private final int maxAttempts;

    ImportReports(MessageSource messages, Imports imports, @Value("${portal.imports.max-attempts:3}") int maxAttempts) {
        this.messages = messages;
        this.imports = imports;
        this.maxAttempts = maxAttempts;
    }

    public Panel panel(String base, ImportJob job, Columns columns, Locale locale) {
        List<RowView> rows = job.finished() ? imports.rows(job).stream().map(r -> view(r, locale)).toList() : List.of();
        return new Panel(base, job, failure(job, locale), rows, columns, maxAttempts);
    }

    /** Why the job failed as a whole (a file problem, a node that kept dying), or null. */
    public String failure(ImportJob job, Locale locale) {
        return job.failureKey() == null ? null : text(job.failureKey(), job.failureArgs(), locale);
    }

    /** The reason of a report row, or null for a row without one. */
    public String message(ImportRowResult row, Locale locale) {
        return row.messageKey() == null ? null : text(row.messageKey(), row.args(), locale);
    }

    public String message(RowIssue issue, Locale locale) {
        return text(issue.messageKey(), issue.args(), locale);
    }

    public String text(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    RowView view(ImportRowResult r, Locale locale) {
        return new RowView(r.row(), r.outcome(), r.scope(), r.subject(), r.detail(), number(r.oldValue(), locale),
                number(r.newValue(), locale), change(r.oldValue(), r.newValue(), locale), message(r, locale));
    }

    /** A decimal with the locale's digit grouping and separator, as many decimal places as stored; text as it is. */
    static String number(String value, Locale locale) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return value;
        }
        NumberFormat format = NumberFormat.getNumberInstance(withCountry(locale));
        format.setMinimumFractionDigits(Math.max(0, number.scale()));
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    /** "+3.1 %" from old to new, to one decimal place (HALF_UP, display only); null without two different numbers. */
    static String change(String oldValue, String newValue, Locale locale) {
        BigDecimal before = decimal(oldValue);
        BigDecimal after = decimal(newValue);
        if (before == null || after == null || before.signum() == 0 || before.compareTo(after) == 0) {
            return null;
        }
        BigDecimal percent = after.subtract(before).multiply(BigDecimal.valueOf(100))
                .divide(before, 1, RoundingMode.HALF_UP);
        NumberFormat format = NumberFormat.getNumberInstance(withCountry(locale));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return (percent.signum() > 0 ? "+" : percent.signum() < 0 ? "\u2212" : "") + format.format(percent.abs())
                + "\u00a0%";
    }

    private static BigDecimal decimal(String value) {
        if (value == null || !value.matches("^-?\\d+(\\.\\d+)?$")) {
            return null;
        }
        return new BigDecimal(value);
    }

    private static Locale withCountry(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? Locale.of("ru", "RU") : Locale.US;
    }
}
