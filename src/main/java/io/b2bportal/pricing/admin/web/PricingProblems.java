package io.b2bportal.pricing.admin.web;

import io.b2bportal.pricing.admin.InvalidPricingInput;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Bad input to the pricing admin API as Problem Details in the shape the platform uses for validation
 * ({@code errors}: field and message): field issues of a pricing command, and a JSON body where a value has the wrong
 * type, e.g. {@code "amount": "1 234,50"}, which names the field instead of failing the whole body.
 */
@Component
class PricingProblems {

    private final FormErrors messages;

    PricingProblems(FormErrors messages) {
        this.messages = messages;
    }

    ResponseEntity<ProblemDetail> invalid(InvalidPricingInput e, HttpServletRequest request) {
        return validation(request, e.issues().stream()
                .map(issue -> Map.of("field", issue.field(), "message", messages.text(issue))).toList());
    }

    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return validation(request, List.of(Map.of("field", path(databind), "message", expected(databind))));
        }
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, "bad-request", "problem.bad-request.detail");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<ProblemDetail> validation(HttpServletRequest request, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                "problem.validation.detail");
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, String detailKey) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://b2bportal.io/problems/" + code));
        problem.setTitle(messages.text("problem." + code + ".title"));
        problem.setDetail(messages.text(detailKey));
        problem.setInstance(URI.create(request.getRequestURI()));
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** What the field takes: a number, one of an enum's names, or (otherwise) a value of the documented type. */
    private String expected(DatabindException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return messages.text("pricing.admin.json.number");
        }
        if (type != null && type.isEnum()) {
            return messages.text("pricing.admin.json.enum", Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return messages.text("pricing.admin.json.invalid");
    }

    /** tiers[1].amount, as the field is named in the body. */
    private static String path(DatabindException e) {
        StringBuilder field = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
