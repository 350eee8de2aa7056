package io.b2bportal.pricing.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The field errors of one pricing command, collected before anything is written: every bad field is reported at
 * once, in both the admin API (Problem Details with {@code errors}) and the pages (next to the field).
 */
public final class Issues {

    /** One bad field: its name as the API spells it ({@code tiers[1].amount}) and a message key with arguments. */
    public record Issue(String field, String messageKey, List<Object> args) {
    }

    private final List<Issue> list = new ArrayList<>();

    public Issues add(String field, String messageKey, Object... args) {
        list.add(new Issue(field, messageKey, List.of(args)));
        return this;
    }

    public boolean has(String field) {
        return list.stream().anyMatch(issue -> issue.field().equals(field));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Issue> list() {
        return List.copyOf(list);
    }

    /** Throws {@link InvalidPricingInput} if anything was reported. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidPricingInput(list());
        }
    }
}
