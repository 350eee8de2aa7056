package io.b2bportal.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows when something goes wrong outside a controller's own handling
 * (unknown page, access denied, an exception): a page that says what happened and where to go next
 * for people, Problem Details for programs.
 */
@Controller
public class ErrorPageController implements ErrorController {

    /** Request attribute naming a more precise reason than the status, e.g. {@code csrf}. */
    public static final String REASON_ATTRIBUTE = "portal.error.reason";

    private final Problems problems;

    ErrorPageController(Problems problems) {
        this.problems = problems;
    }

    /** People get a page; API paths and callers that ask for JSON only get Problem Details. */
    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        return uri.startsWith("/api/") || wantsJsonOnly(request) ? problem(request, status, uri) : page(request, status, uri);
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status, String uri) {
        String reason = request.getAttribute(REASON_ATTRIBUTE) instanceof String r ? r : String.valueOf(status.value());
        String key = switch (reason) {
            case "csrf", "view-as", "on-behalf", "403", "404", "405", "400" -> reason;
            default -> status.is4xxClientError() ? "4xx" : "500";
        };
        return new ModelAndView("error", Map.of("status", status.value(), "reason", key, "path", uri), status);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String uri) {
        String code = switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> status.is4xxClientError() ? "bad-request" : "server-error";
        };
        ProblemDetail problem = problems.create(request, status, code, "problem." + code + ".detail");
        problem.setInstance(URI.create(uri));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean wantsJsonOnly(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
