package io.b2bportal.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * A staff member looking at the portal as one customer sees it, with a banner, in one of two modes. {@code VIEW}:
 * read-only, every page audited; the customers module starts and ends it, the platform refuses every change.
 * {@code ON_BEHALF}: the staff member acts for the customer (carts, checkout, the customer's orders before
 * confirmation); the CRM starts and ends it, the platform lets through only those changes and audits each with both
 * identities. One customer at a time per session; signing out ends it with the session.
 */
public final class CustomerView {

    static final String SESSION_KEY = "platform.customerView";

    private CustomerView() {
    }

    /** Read-only viewing, or acting on the customer's behalf. */
    public enum Mode { VIEW, ON_BEHALF }

    /** Whom the staff member is viewing as: a company, one of its legal entities, a label for the banner, the mode. */
    public record State(long companyId, long legalEntityId, String label, Mode mode) implements Serializable {
        @Serial
        private static final long serialVersionUID = 2L;

        public State {
            mode = mode == null ? Mode.VIEW : mode;
        }

        /** Read-only viewing. */
        public State(long companyId, long legalEntityId, String label) {
            this(companyId, legalEntityId, label, Mode.VIEW);
        }

        public boolean onBehalf() {
            return mode == Mode.ON_BEHALF;
        }
    }

    /** Whether the staff member of this request acts on a customer's behalf now (changes allowed and audited). */
    public static boolean actingOnBehalf(HttpServletRequest request) {
        return of(request).map(State::onBehalf).orElse(false);
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
