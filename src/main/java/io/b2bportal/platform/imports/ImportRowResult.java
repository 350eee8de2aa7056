package io.b2bportal.platform.imports;

import java.util.List;

/**
 * One line of a job's report: an error with its reason (a message key and arguments), or a sample of the rows that
 * would be (or were) created, updated, left unchanged or removed. {@code row} is the file's row number (null for a
 * removed row, which is not in the file); {@code scope} is where the row belongs (a price list), {@code subject}
 * what it is about (a SKU), {@code detail} which part of it (a quantity tier); {@code oldValue} → {@code newValue}
 * is the change a dry run found. All but outcome may be null.
 */
public record ImportRowResult(Integer row, String outcome, String scope, String subject, String detail,
        String oldValue, String newValue, String messageKey, List<String> args) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String REMOVED = "REMOVED";
    public static final String ERROR = "ERROR";

    static ImportRowResult error(RowIssue issue) {
        return new ImportRowResult(issue.row(), ERROR, null, issue.subject(), null, null, null, issue.messageKey(),
                issue.args());
    }
}
