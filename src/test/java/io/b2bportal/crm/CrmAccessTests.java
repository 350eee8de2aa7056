package io.b2bportal.crm;

import io.b2bportal.support.Http;
import io.b2bportal.support.PortalTest;
import io.b2bportal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM is the sales side's: every page under {@code /admin/crm} and every endpoint under
 * {@code /api/v1/admin/crm} — found from the application's own mappings, so a new one is tried without being listed
 * here — refuses the anonymous, customer users (buyers and company administrators) and the seller's staff who do not
 * sell (operations, accountants, catalog managers), with a valid CSRF token on the forms so that the refusal is the
 * role's. Administrators, sales heads and account managers open every CRM page that needs no id.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmAccessTests {

    enum Persona {
        ANONYMOUS(null, false), BUYER("buyer@alpha.demo", false), CUSTOMER_ADMIN("admin@alpha.demo", false),
        OPS("ops@demo.local", false), ACCOUNTANT("accountant@demo.local", false),
        CATALOG("catalog@demo.local", false), MANAGER("manager@demo.local", true), HEAD("head@demo.local", true),
        ADMIN("admin@demo.local", true);

        final String email;
        final boolean crm;

        Persona(String email, boolean crm) {
            this.email = email;
            this.crm = crm;
        }
    }

    /** What a page needs in its query to answer at all. */
    private static final Map<String, String> QUERY = Map.of("/admin/crm/rules/fields", "?trigger=ORDER_PLACED");
    /** Pages only administrators and sales heads open: changing pipelines (account managers read them on the board). */
    private static final Set<String> HEADS_ONLY = Set.of("/admin/crm/pipelines");

    record Endpoint(String method, String pattern) {
        String path() {
            return pattern.replaceAll("\\{[^}]+}", "1") + QUERY.getOrDefault(pattern, "");
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final Map<Persona, WebSession> sessions = new EnumMap<>(Persona.class);
    private final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    private Http http;

    @BeforeAll
    void signIn() {
        http = new Http(port);
        for (Persona persona : Persona.values()) {
            WebSession session = persona.email == null ? new WebSession(port)
                    : new WebSession(port).login(persona.email, "demo");
            sessions.put(persona, session);
            String page = persona.email == null ? "/login" : persona.crm || persona == Persona.OPS
                    || persona == Persona.ACCOUNTANT || persona == Persona.CATALOG ? "/admin" : "/";
            HttpResponse<String> home = session.get(page);
            tokens.put(persona, WebSession.csrfToken(home.body()));
        }
    }

    private List<Endpoint> endpoints() {
        Set<Endpoint> found = new java.util.LinkedHashSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    for (String pattern : info.getPatternValues()) {
                        if (pattern.equals("/admin/crm") || pattern.startsWith("/admin/crm/")
                                || pattern.startsWith("/api/v1/admin/crm")) {
                            var verbs = info.getMethodsCondition().getMethods();
                            if (verbs.isEmpty()) {
                                found.add(new Endpoint("GET", pattern));
                            }
                            verbs.forEach(verb -> found.add(new Endpoint(verb.name(), pattern)));
                        }
                    }
                }));
        return new ArrayList<>(found);
    }

    private HttpResponse<String> call(Persona persona, Endpoint endpoint) {
        if (endpoint.api()) {
            HttpRequest.Builder request = http.request(endpoint.path()).header("Content-Type", "application/json")
                    .header("Accept", "application/json");
            if (persona.email != null) {
                request.header("Authorization", Http.basic(persona.email, "demo"));
            }
            return http.send(request.method(endpoint.method(), endpoint.method().equals("GET")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
        }
        WebSession session = sessions.get(persona);
        if (endpoint.method().equals("GET")) {
            return session.get(endpoint.path());
        }
        String token = URLEncoder.encode(tokens.get(persona), StandardCharsets.UTF_8);
        return session.post(endpoint.path(), "_csrf=" + token, null);
    }

    private static boolean refused(HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        return status == 401 || status == 403 || (status == 302 && location.contains("/login"));
    }

    @Test
    void theCrmHasPagesAndAnApiToProtect() {
        List<Endpoint> all = endpoints();
        assertThat(all).contains(new Endpoint("GET", "/admin/crm"));
        assertThat(all.stream().filter(Endpoint::api).count()).as("CRM API endpoints").isGreaterThan(0);
    }

    @Test
    void nobodyButTheSalesSideGetsIntoTheCrm() {
        Set<String> failures = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            for (Persona persona : Persona.values()) {
                if (persona.crm) {
                    continue;
                }
                HttpResponse<String> response = call(persona, endpoint);
                if (!refused(response)) {
                    failures.add(endpoint.method() + " " + endpoint.pattern() + " as " + persona + ": "
                            + response.statusCode());
                }
            }
        }
        assertThat(failures).as("CRM endpoints that let in someone outside sales").isEmpty();
    }

    @Test
    void theSalesSideOpensEveryCrmPageThatNeedsNoId() {
        Set<String> failures = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.method().equals("GET") || endpoint.pattern().contains("{")) {
                continue;
            }
            for (Persona persona : Persona.values()) {
                if (!persona.crm || (persona == Persona.MANAGER && HEADS_ONLY.contains(endpoint.pattern()))) {
                    continue;
                }
                HttpResponse<String> response = call(persona, endpoint);
                int status = response.statusCode();
                if (refused(response) || status >= 500 || status == 404) {
                    failures.add(endpoint.method() + " " + endpoint.pattern() + " as " + persona + ": " + status);
                }
            }
        }
        assertThat(failures).as("CRM pages and endpoints the sales side cannot open").isEmpty();
    }
}
