package io.b2bportal.catalog.admin;

import java.util.Optional;
import java.util.function.Predicate;

/** An analog or related product is another product that exists. */
public final class RelationPolicy {

    public static final String FIELD = "relatedSku";

    private RelationPolicy() {
    }

    public static Optional<Rejection> check(String sku, String relatedSku, Predicate<String> exists) {
        if (relatedSku == null || relatedSku.isBlank()) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.relation.required"));
        }
        if (relatedSku.strip().equals(sku)) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.relation.self"));
        }
        if (!exists.test(relatedSku.strip())) {
            return Optional.of(Rejection.of(FIELD, "catalog.admin.relation.unknown", relatedSku.strip()));
        }
        return Optional.empty();
    }
}
