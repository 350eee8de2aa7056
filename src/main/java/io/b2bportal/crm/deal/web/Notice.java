package io.b2bportal.crm.deal.web;

import io.b2bportal.shared.DomainException;
import java.io.Serializable;

/** A message for the next page (what was done, or why it was refused): a bundle key with its arguments. */
public record Notice(String key, Object[] args) implements Serializable {

    public static Notice of(String key, Object... args) {
        return new Notice(key, args);
    }

    public static Notice of(DomainException e) {
        return new Notice(e.messageKey(), e.arguments());
    }
}
