package io.b2bportal.ordering.cart;

import io.b2bportal.shared.DomainException;
import java.util.List;

/**
 * Why a rule said no: a message key of {@code i18n/ordering} with its arguments, ready for a page, a review line or
 * Problem Details.
 */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }

    public Object[] arguments() {
        return args.toArray();
    }

    /** The reason as a 422 for the API and pages. */
    public DomainException refusal(String code) {
        return DomainException.invalid(code, key, arguments());
    }
}
