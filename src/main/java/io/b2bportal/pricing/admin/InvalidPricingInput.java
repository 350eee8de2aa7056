package io.b2bportal.pricing.admin;

import io.b2bportal.shared.DomainException;
import java.util.List;

/** Some fields of a pricing command are invalid; nothing was written. */
public class InvalidPricingInput extends DomainException {

    private final transient List<Issues.Issue> issues;

    public InvalidPricingInput(List<Issues.Issue> issues) {
        super(422, "validation", "problem.validation.detail");
        this.issues = List.copyOf(issues);
    }

    public static InvalidPricingInput of(String field, String messageKey, Object... args) {
        return new InvalidPricingInput(new Issues().add(field, messageKey, args).list());
    }

    public List<Issues.Issue> issues() {
        return issues;
    }
}
