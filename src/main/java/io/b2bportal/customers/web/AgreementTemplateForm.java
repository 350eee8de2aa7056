package io.b2bportal.customers.web;

import io.b2bportal.customers.agreement.AgreementBody;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/** A new version of the supply agreement, as the back office and the admin API publish it. */
record AgreementTemplateForm(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200_000) String body) {

    /** The body must be XHTML the PDF can print, with known placeholders only (see {@link AgreementBody}). */
    void validate(Errors errors) {
        if (body != null && !body.isBlank() && !errors.hasFieldErrors("body")) {
            AgreementBody.check(body).forEach(problem ->
                    errors.rejectValue("body", problem.messageKey(), problem.arguments(), problem.messageKey()));
        }
    }
}
