package io.b2bportal.platform.security;

import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.CustomerView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.web.ErrorPageController;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a staff member views the portal as a customer: every customer page they open is audited, and any change
 * outside the back office is refused, so "view as customer" can never alter the customer's data.
 */
class CustomerViewFilter extends OncePerRequestFilter {

    private final AuditLog audit;

    CustomerViewFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var state = CustomerView.of(request);
        var user = PortalUser.current().filter(PortalUser::isStaff);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean customerSide = !path.startsWith("/admin") && !path.startsWith("/css/") && !path.startsWith("/js/")
                && !path.startsWith("/img/") && !path.startsWith("/webjars/") && !path.equals("/logout")
                && !path.equals("/view-as/stop") && !path.startsWith("/error") && !path.startsWith("/actuator");
        if (state.isPresent() && user.isPresent() && customerSide) {
            boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
            audit.record(user.get().id(), change ? "customers.view-as.refused" : "customers.view-as.page",
                    state.get().companyId(), request.getMethod() + " " + path, request.getRemoteAddr());
            if (change) {
                request.setAttribute(ErrorPageController.REASON_ATTRIBUTE, "view-as");
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
