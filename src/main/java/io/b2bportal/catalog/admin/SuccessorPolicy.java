package io.b2bportal.catalog.admin;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A discontinued product may name the product that replaces it; buyers are sent there. The successor must exist and
 * be another product, and only a discontinued product has one.
 */
public final class SuccessorPolicy {

    public static final String FIELD = "successorSku";

    private SuccessorPolicy() {
    }

    public static Optional<Rejection> check(String sku, String status, String successorSku, Predicate<String> exists) {
        if (successorSku == null || successorSku.isBlank()) {
            return Optional.empty();
        }
        if (!"DISCONTINUED".equals(status)) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.successor.active"));
        }
        if (successorSku.equals(sku)) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.successor.self"));
        }
        if (!exists.test(successorSku)) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.successor.unknown", successorSku));
        }
        return Optional.empty();
    }
}
