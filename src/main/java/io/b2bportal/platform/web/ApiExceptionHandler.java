package io.b2bportal.platform.web;

import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of {@code /api/v1} controllers as RFC 9457 Problem Details, in the caller's language. Field
 * errors list each field with its message.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Problems problems;
    private final MessageSource messages;

    private final DataSize maxFileSize;

    ApiExceptionHandler(Problems problems, MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.problems = problems;
        this.messages = messages;
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return ResponseEntity.status(status)
                .body(problems.create(request, status, e.code(), e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problems.create(request, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return ResponseEntity.unprocessableContent().body(fieldErrors(e.getBindingResult(), servletRequest));
    }

    /** Cross-field rules checked after bean validation report the same way as field constraints. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e, HttpServletRequest request) {
        return ResponseEntity.unprocessableContent().body(fieldErrors(e.getBindingResult(), request));
    }

    private ProblemDetail fieldErrors(BindingResult result, HttpServletRequest request) {
        ProblemDetail problem = problems.create(request, HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                "problem.validation.detail");
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = result.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * An upload over the multipart limit never reaches the blob store; the caller is told the limit that counts,
     * the blob store's, as the same problem type. (Multipart requests are resolved lazily, so this runs with the
     * controller known.)
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problems.create(servletRequest,
                HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "upload.too-large", maxFileSize.toMegabytes()));
    }

    /** Other Spring MVC errors (unreadable body, wrong method...) keep their status, in our shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring Framework 7 leaves the type of its own problems unset (null) where 6 said "about:blank"
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
            HttpStatus resolved = HttpStatus.valueOf(status.value());
            String code = resolved == HttpStatus.NOT_FOUND ? "not-found"
                    : resolved == HttpStatus.METHOD_NOT_ALLOWED ? "method-not-allowed"
                    : resolved.is4xxClientError() ? "bad-request" : "server-error";
            ProblemDetail ours = problems.create(servletRequest, resolved, code, "problem." + code + ".detail");
            return new ResponseEntity<>(ours, headers, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
