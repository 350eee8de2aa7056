package io.b2bportal.platform.mail;

/** Where a mail of the outbox stands. */
public enum MailStatus {

    /** Waiting for the SMTP sender (again, after a failed attempt, until {@code next_attempt_at}). */
    QUEUED,
    /** Taken by the SMTP server. */
    SENT,
    /** Not sent: the server refused it for good, or the last attempt failed. */
    FAILED,
    /** No SMTP is configured: the mail stays here, to be read on the outbox page. */
    KEPT
}
