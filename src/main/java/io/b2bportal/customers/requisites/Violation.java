package io.b2bportal.customers.requisites;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reason why a field of the requisites was refused. {@code code} is stable and machine-readable
 * (API clients switch on it); {@code messageKey} and {@code args} are resolved against the
 * {@code i18n/customers} bundle in the user's language.
 *
 * @param field       the input field, as named in {@link RequisitesInput}
 * @param code        {@code required}, {@code absent}, {@code digits}, {@code length}, {@code format},
 *                    {@code checksum}, {@code prefix}, {@code bik-mismatch} or {@code unknown}
 * @param messageKey  a {@code requisites.*} key present in both languages
 * @param args        MessageFormat arguments of that message
 */
public record Violation(String field, String code, String messageKey, List<Object> args) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    static Violation of(String field, String code, String messageKey, Object... args) {
        return new Violation(field, code, messageKey, Arrays.asList(args));
    }

    /** The arguments as {@code MessageSource.getMessage} takes them. */
    public Object[] arguments() {
        return args.toArray();
    }
}
