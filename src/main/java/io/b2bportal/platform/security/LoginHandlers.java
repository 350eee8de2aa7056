package io.b2bportal.platform.security;

import io.b2bportal.platform.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Where the login form sends people: staff to the back office, buyers to the portal, errors back with a reason. */
final class LoginHandlers {

    private LoginHandlers() {
    }

    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) {
            return authentication.getPrincipal() instanceof PortalUser user && user.isStaff() ? "/admin" : "/";
        }
    }

    static final class Failure implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            String target = switch (exception) {
                case LoginThrottledException throttled -> "/login?error=throttled&minutes=" + throttled.minutes();
                case DisabledException disabled -> "/login?error=disabled";
                case EmailNotVerifiedException unverified -> "/login?error=unconfirmed";
                default -> "/login?error=credentials";
            };
            response.sendRedirect(request.getContextPath() + target);
        }
    }
}
