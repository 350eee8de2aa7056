package io.b2bportal.catalog.admin;

import io.b2bportal.shared.DomainException;
import java.util.List;

/** A product change that breaks rules: every reason, each at its field; nothing was written. */
public final class ProductRejected extends DomainException {

    private final transient List<Rejection> rejections;

    public ProductRejected(List<Rejection> rejections) {
        super(422, "catalog-product-invalid", rejections.getFirst().messageKey(),
                rejections.getFirst().args().toArray());
        this.rejections = List.copyOf(rejections);
    }

    public static ProductRejected of(Rejection rejection) {
        return new ProductRejected(List.of(rejection));
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}
