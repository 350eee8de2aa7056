package io.b2bportal.claims.web;

import io.b2bportal.shared.DomainException;
import java.io.Serializable;

/** A message to show on the next page (a refusal or what was done), as a key of the bundles with its arguments. */
record Notice(String key, Object[] args) implements Serializable {

    static Notice of(String key, Object... args) {
        return new Notice(key, args);
    }

    static Notice of(DomainException e) {
        return new Notice(e.messageKey(), e.arguments());
    }
}
