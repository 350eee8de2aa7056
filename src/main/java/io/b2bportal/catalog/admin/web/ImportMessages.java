package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.importing.ImportJob;
import io.b2bportal.catalog.importing.ImportRowResult;
import io.b2bportal.catalog.importing.RowIssue;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Import reasons in the reader's language: rows, whole-file problems and API batch errors alike. */
@Component
class ImportMessages {

    /** A row of the report with its reason spelled out. */
    record RowView(int row, String outcome, String sku, String message) {
    }

    private final MessageSource messages;

    ImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<RowView> rows(List<ImportRowResult> rows, Locale locale) {
        return rows.stream().map(r -> new RowView(r.row(), r.outcome(), r.sku(),
                r.messageKey() == null ? null : text(r.messageKey(), r.args(), locale))).toList();
    }

    String failure(ImportJob job, Locale locale) {
        return job.failureKey() == null ? null : text(job.failureKey(), job.failureArgs(), locale);
    }

    String issue(RowIssue issue, Locale locale) {
        return text(issue.messageKey(), issue.args(), locale);
    }

    String text(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }
}
