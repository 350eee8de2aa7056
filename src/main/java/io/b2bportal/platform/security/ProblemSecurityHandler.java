package io.b2bportal.platform.security;

import io.b2bportal.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 on the API as Problem Details that say what to do. */
@Component
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    ProblemSecurityHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        String detail = switch (reason) {
            case LoginThrottledException throttled -> "problem.unauthorized.throttled";
            case DisabledException disabled -> "problem.unauthorized.disabled";
            case EmailNotVerifiedException unverified -> "problem.unauthorized.unconfirmed";
            default -> bearer(request) ? "problem.unauthorized.api-key" : "problem.unauthorized.detail";
        };
        Object arg = reason instanceof LoginThrottledException t ? t.minutes() : null;
        response.setHeader("WWW-Authenticate", "Bearer realm=\"b2b-portal\", Basic realm=\"b2b-portal\"");
        problems.write(response, problems.create(request, HttpStatus.UNAUTHORIZED, "unauthorized", detail, arg));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, problems.create(request, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail"));
    }

    private static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "bearer", 0, 6);
    }
}
