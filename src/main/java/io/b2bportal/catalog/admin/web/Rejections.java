package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.ProductRejected;
import io.b2bportal.catalog.admin.Rejection;
import org.springframework.validation.Errors;

/** The reasons a product change was refused, put next to the fields of the form they belong to. */
final class Rejections {

    private Rejections() {
    }

    static void into(Errors errors, ProductRejected rejected) {
        into(errors, rejected.rejections());
    }

    /** Reasons for fields that have none yet (a form error says it first). */
    static void into(Errors errors, java.util.List<Rejection> rejections) {
        for (Rejection r : rejections) {
            if (r.field() != null && errors.hasFieldErrors(r.field())) {
                continue;
            }
            Object[] args = r.args().toArray();
            if (r.field() == null) {
                errors.reject(r.messageKey(), args, r.messageKey());
            } else {
                errors.rejectValue(r.field(), r.messageKey(), args, r.messageKey());
            }
        }
    }
}
