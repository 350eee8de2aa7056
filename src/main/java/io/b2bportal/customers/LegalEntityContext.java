package io.b2bportal.customers;

import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.platform.CustomerView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The legal entity a customer user acts for in the current request. Everything a buyer sees (prices,
 * carts, orders, documents) follows it. On the API, {@code X-Legal-Entity: <id>} picks it per call; in the
 * browser, the switcher in the header keeps it in the session; otherwise the user's default applies.
 */
@Component
public class LegalEntityContext {

    public static final String HEADER = "X-Legal-Entity";
    static final String SESSION_KEY = "customers.legalEntity";
    private static final String REQUEST_CACHE = LegalEntityContext.class.getName();
    private static final String ACTING_CACHE = REQUEST_CACHE + ".acting";

    private final LegalEntities legalEntities;

    LegalEntityContext(LegalEntities legalEntities) {
        this.legalEntities = legalEntities;
    }

    /**
     * The acting legal entity of the signed-in customer user; empty for staff, anonymous callers and users who
     * may act for no entity. A header naming an entity the user may not act for is refused (403).
     */
    public Optional<LegalEntityRef> current() {
        HttpServletRequest request = request();
        if (request != null && request.getAttribute(REQUEST_CACHE) instanceof LegalEntityRef cached) {
            return Optional.of(cached);
        }
        if (PortalUser.current().map(PortalUser::isStaff).orElse(false)) {
            return CustomerView.of(request).flatMap(view -> legalEntities.ref(view.legalEntityId()));
        }
        Optional<PortalUser> user = PortalUser.current();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        List<LegalEntityRef> allowed = acting();
        Optional<LegalEntityRef> chosen = choose(request, user.get().id(), allowed);
        if (request != null) {
            chosen.ifPresent(entity -> request.setAttribute(REQUEST_CACHE, entity));
        }
        return chosen;
    }

    /**
     * The acting legal entity, or a 409 telling a customer user that they act for none yet. Staff never act for
     * a legal entity here: for them buyer-side resources do not exist (404).
     */
    public LegalEntityRef require() {
        boolean staff = PortalUser.current().map(PortalUser::isStaff).orElse(true);
        if (staff && CustomerView.of(request()).isEmpty()) {
            throw DomainException.notFound("legal-entity", "current");
        }
        return current().orElseThrow(() -> DomainException.conflict("no-legal-entity", "customers.context.none"));
    }

    /** The legal entities the signed-in customer user may act for, read once per request. */
    @SuppressWarnings("unchecked")
    public List<LegalEntityRef> acting() {
        Optional<PortalUser> user = PortalUser.current().filter(u -> !u.isStaff());
        if (user.isEmpty()) {
            return List.of();
        }
        HttpServletRequest request = request();
        if (request != null && request.getAttribute(ACTING_CACHE) instanceof List<?> cached) {
            return (List<LegalEntityRef>) cached;
        }
        List<LegalEntityRef> acting = legalEntities.actingFor(user.get().id());
        if (request != null) {
            request.setAttribute(ACTING_CACHE, acting);
        }
        return acting;
    }

    /** Switches the browser session to another legal entity the user may act for. */
    public LegalEntityRef switchTo(long legalEntityId) {
        PortalUser user = PortalUser.current().filter(u -> !u.isStaff())
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
        LegalEntityRef entity = acting().stream()
                .filter(e -> e.id() == legalEntityId).findFirst()
                .orElseThrow(() -> DomainException.notFound("legal-entity", legalEntityId));
        HttpServletRequest request = request();
        if (request != null) {
            request.getSession().setAttribute(SESSION_KEY, legalEntityId);
            request.setAttribute(REQUEST_CACHE, entity);
        }
        return entity;
    }

    private Optional<LegalEntityRef> choose(HttpServletRequest request, long userId, List<LegalEntityRef> allowed) {
        String header = request == null ? null : request.getHeader(HEADER);
        if (header != null) {
            long id;
            try {
                id = Long.parseLong(header.strip());
            } catch (NumberFormatException e) {
                throw new DomainException(400, "legal-entity-header", "customers.context.header-invalid", header);
            }
            return Optional.of(allowed.stream().filter(e -> e.id() == id).findFirst()
                    .orElseThrow(() -> new DomainException(403, "legal-entity-forbidden",
                            "customers.context.forbidden", id)));
        }
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        HttpSession session = request == null ? null : request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Long chosen) {
            Optional<LegalEntityRef> fromSession = allowed.stream().filter(e -> e.id() == chosen).findFirst();
            if (fromSession.isPresent()) {
                return fromSession;
            }
        }
        Optional<Long> preferred = legalEntities.defaultFor(userId);
        return allowed.stream().filter(e -> preferred.isPresent() && e.id() == preferred.get()).findFirst()
                .or(() -> Optional.of(allowed.getFirst()));
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
