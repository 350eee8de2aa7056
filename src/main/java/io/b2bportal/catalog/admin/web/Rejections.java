package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.ProductRejected;
import io.b2bportal.catalog.admin.Rejection;
import org.springframework.validation.Errors;

/** The reasons a product change was refused, put next to the fields of the form they belong to. */
final class Rejections {

    private Rejections() {
    }

    static void into(Errors errors, ProductRejected rejected) {
        for (Rejection r : rejected.rejections()) {
            Object[] args = r.args().toArray();
            if (r.field() == null) {
                errors.reject(r.messageKey(), args, r.messageKey());
            } else {
                errors.rejectValue(r.field(), r.messageKey(), args, r.messageKey());
            }
        }
    }
}
