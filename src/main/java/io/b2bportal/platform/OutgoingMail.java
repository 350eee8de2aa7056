package io.b2bportal.platform;

import java.util.regex.Pattern;

/**
 * One e-mail to one recipient, as a module hands it to {@link Mailer}.
 *
 * @param to      the recipient's address
 * @param subject one line
 * @param text    the plain-text body; always required, because every mail must read well without HTML
 * @param html    an HTML alternative of the same content, or {@code null}
 * @param kind    what the mail is for, e.g. {@code registration.confirm} or {@code order.confirmed}: lower case,
 *                dot-separated, so the outbox can be read and searched by it
 */
public record OutgoingMail(String to, String subject, String text, String html, String kind) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

    /** Refuses what would be a programming error: a malformed address, a multi-line subject, no body. */
    public OutgoingMail {
        to = to == null ? null : to.strip();
        require(to != null && to.length() <= 254 && ADDRESS.matcher(to).matches(), "to", to);
        require(subject != null && !subject.isBlank() && subject.length() <= 500
                && subject.chars().noneMatch(c -> c == '\r' || c == '\n'), "subject", subject);
        require(text != null, "text", null);
        require(kind != null && kind.length() <= 100 && KIND.matcher(kind).matches(), "kind", kind);
    }

    /** A plain-text mail. */
    public OutgoingMail(String to, String subject, String text, String kind) {
        this(to, subject, text, null, kind);
    }

    private static void require(boolean valid, String field, String value) {
        if (!valid) {
            throw new IllegalArgumentException("Invalid mail " + field + ": " + value);
        }
    }
}
