package io.b2bportal.shared;

import java.util.Arrays;

/**
 * A business rule said no. Carries an HTTP-like status, a stable machine-readable {@code code}
 * (the Problem Details {@code type} suffix) and a message key with arguments that the web layer
 * resolves in the user's language. Throwing it must leave nothing half-done: callers throw before
 * they write, or inside the transaction that rolls back.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(int status, String code, String messageKey, Object... arguments) {
        super(code + ": " + messageKey + Arrays.toString(arguments));
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(404, "not-found", "problem.not-found", what, id);
    }

    public static DomainException conflict(String code, String messageKey, Object... arguments) {
        return new DomainException(409, code, messageKey, arguments);
    }

    public static DomainException invalid(String code, String messageKey, Object... arguments) {
        return new DomainException(422, code, messageKey, arguments);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
