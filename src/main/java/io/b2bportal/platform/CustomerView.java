package io.b2bportal.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * A staff member looking at the portal as one customer sees it: read-only, with a banner, every page audited.
 * The customers module starts and ends it; the platform shows the banner and refuses changes while it lasts.
 */
public final class CustomerView {

    static final String SESSION_KEY = "platform.customerView";

    private CustomerView() {
    }

    /** Whom the staff member is viewing as: a company, one of its legal entities, a label for the banner. */
    public record State(long companyId, long legalEntityId, String label) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    public static Optional<State> of(HttpServletRequest request) {
        HttpSession session = request == null ? null : request.getSession(false);
        return session != null && session.getAttribute(SESSION_KEY) instanceof State state
                ? Optional.of(state) : Optional.empty();
    }

    public static void start(HttpServletRequest request, State state) {
        request.getSession().setAttribute(SESSION_KEY, state);
    }

    public static void stop(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_KEY);
        }
    }
}
