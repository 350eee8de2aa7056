package io.b2bportal.platform.security;

import io.b2bportal.platform.AuditLog;
import io.b2bportal.platform.Role;
import io.b2bportal.platform.web.ErrorPageController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The API ({@code /api/v1/**}) is stateless: HTTP Basic or a Bearer API key on every
 * call, errors as Problem Details, no session and so no CSRF exposure. Everything else is the browser
 * portal: one login form for buyers and staff, session cookie, CSRF tokens, strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Pricing: every member of staff reads it. Price lists, price types, group price types and promotions are changed
     * by administrators, sales heads and catalog (pricing) managers; contract prices by administrators, sales heads
     * and account managers (the pricing module lets an account manager change only their own clients').
     */
    private static final String[] PRICING_WRITERS = { Role.ADMIN.name(), Role.SALES_HEAD.name(),
            Role.CATALOG_MANAGER.name() };
    private static final String[] CRM_USERS = { Role.ADMIN.name(), Role.SALES_HEAD.name(),
            Role.ACCOUNT_MANAGER.name() };
    private static final String[] CONTRACT_PRICE_WRITERS = { Role.ADMIN.name(), Role.SALES_HEAD.name(),
            Role.ACCOUNT_MANAGER.name() };

    /** Argon2id for new hashes; bcrypt hashes (from imports) still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ProblemSecurityHandler problems) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/admin/mail", "/api/v1/admin/mail/**").hasRole(Role.ADMIN.name())
                        // bulk catalog changes: catalog managers and administrators, not every seller role
                        .requestMatchers("/api/v1/admin/catalog/**", "/api/v1/admin/products", "/api/v1/admin/products/**",
                                "/api/v1/admin/stock", "/api/v1/admin/stock/**")
                                .hasAnyRole(Role.CATALOG_MANAGER.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/admin/pricing/imports", "/api/v1/admin/pricing/imports/**",
                                "/api/v1/admin/pricing/price-lists/*/export").hasAnyRole(PRICING_WRITERS)
                        // pricing: all staff read; who writes: PRICING_WRITERS
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/pricing/**").hasAnyRole(Role.namesOf(Role.Side.SELLER))
                        .requestMatchers("/api/v1/admin/pricing/contract-prices/**").hasAnyRole(CONTRACT_PRICE_WRITERS)
                        .requestMatchers("/api/v1/admin/pricing/**").hasAnyRole(PRICING_WRITERS)
                        // the CRM: the sales side only (who sees which client inside it: crm.CrmAccess)
                        .requestMatchers("/api/v1/admin/crm", "/api/v1/admin/crm/**").hasAnyRole(CRM_USERS)
                        .requestMatchers("/api/v1/admin/**").hasAnyRole(Role.namesOf(Role.Side.SELLER))
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserAccounts accounts, AuditLog audit) throws Exception {
        return http
                .addFilterBefore(new ActiveAccountFilter(accounts), AuthorizationFilter.class)
                .addFilterAfter(new CustomerViewFilter(audit), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/setup", "/error", "/register", "/register/**", "/invitation", "/request-a-call", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/v3/api-docs/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**",
                                "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        // mail shows other people's links (password resets, confirmations): administrators only
                        .requestMatchers("/admin/mail", "/admin/mail/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/admin/catalog", "/admin/catalog/**")
                                .hasAnyRole(Role.CATALOG_MANAGER.name(), Role.ADMIN.name())
                        .requestMatchers("/admin/pricing/imports", "/admin/pricing/imports/**", "/admin/pricing/exports/**")
                                .hasAnyRole(PRICING_WRITERS)
                        .requestMatchers(HttpMethod.GET, "/admin/pricing/**").hasAnyRole(Role.namesOf(Role.Side.SELLER))
                        .requestMatchers("/admin/pricing/contract-prices/**").hasAnyRole(CONTRACT_PRICE_WRITERS)
                        .requestMatchers("/admin/pricing/**").hasAnyRole(PRICING_WRITERS)
                        .requestMatchers("/admin/crm", "/admin/crm/**").hasAnyRole(CRM_USERS)
                        .requestMatchers("/admin", "/admin/**").hasAnyRole(Role.namesOf(Role.Side.SELLER))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(new LoginHandlers.Success())
                        .failureHandler(new LoginHandlers.Failure())
                        .permitAll())
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new MultipartCsrfTokenRequestHandler()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("PORTAL_SESSION"))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof CsrfException) {
                        request.setAttribute(ErrorPageController.REASON_ATTRIBUTE, "csrf");
                    }
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }
}
