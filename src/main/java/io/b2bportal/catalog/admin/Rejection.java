package io.b2bportal.catalog.admin;

import java.util.List;

/**
 * Why a rule refused a value: the field it belongs to (null for the whole product) and a message key with its
 * arguments, spelled out in the reader's language by the page or the API.
 */
public record Rejection(String field, String messageKey, List<Object> args) {

    public Rejection {
        args = List.copyOf(args);
    }

    public static Rejection of(String field, String messageKey, Object... args) {
        return new Rejection(field, messageKey, List.of(args));
    }

    /** The same reason for a field inside a list or map of the form, e.g. {@code rows[2].reserved}. */
    public Rejection under(String prefix) {
        return new Rejection(field == null ? prefix : prefix + "." + field, messageKey, args);
    }
}
