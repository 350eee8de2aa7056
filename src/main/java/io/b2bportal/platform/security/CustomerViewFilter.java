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
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a staff member views the portal as a customer: every customer page they open is audited, and any change
 * outside the back office is refused, so "view as customer" can never alter the customer's data. While they act on a
 * customer's behalf: only the changes of ordering go through (carts, quick order, checkout, the customer's orders:
 * change, cancel, reorder), each audited with both identities and its outcome; any other change on the customer's
 * side (company users, addresses, the supply agreement, payments, claims, standing orders, approvals) is refused.
 */
class CustomerViewFilter extends OncePerRequestFilter {

    /** The customer-side changes a staff member may make on a customer's behalf: ordering only. */
    static final Pattern ON_BEHALF_CHANGES = Pattern.compile(
            "/cart/add|/cart/reviews/.+|/carts|/carts/(?!.*/shares).+|/checkout|/orders/[^/]+/(cancel|lines|reorder)");

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
            if (state.get().onBehalf()) {
                if (change) {
                    onBehalf(request, response, chain, user.get(), state.get(), path);
                } else {
                    chain.doFilter(request, response);
                }
                return;
            }
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

    private void onBehalf(HttpServletRequest request, HttpServletResponse response, FilterChain chain, PortalUser staff,
            CustomerView.State state, String path) throws ServletException, IOException {
        var customer = new AuditLog.Customer(state.companyId(), state.legalEntityId(), null);
        String what = request.getMethod() + " " + path;
        if (!ON_BEHALF_CHANGES.matcher(path).matches()) {
            audit.record(staff.id(), "on-behalf.refused", customer, what, request.getRemoteAddr());
            request.setAttribute(ErrorPageController.REASON_ATTRIBUTE, "on-behalf");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            audit.record(staff.id(), "on-behalf.change", customer, what + " → error", request.getRemoteAddr());
            throw e;
        }
        audit.record(staff.id(), "on-behalf.change", customer, what + " → " + response.getStatus(),
                request.getRemoteAddr());
    }
}
