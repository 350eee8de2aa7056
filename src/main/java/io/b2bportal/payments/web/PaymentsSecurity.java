package io.b2bportal.payments.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what with payments. The providers' webhooks are open (a provider has no portal login): their body's
 * signature is the authentication, checked by the provider. Registering, allocating, refunding and importing
 * statements are for the seller's accountants and administrators; customers never reach {@code /admin} at all.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain paymentWebhooks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/payments/webhook/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                .build();
    }

    /** The signed-in accountant or administrator of the seller; 403 for other staff, 404 for anyone else. */
    static PortalUser accountant() {
        PortalUser user = PortalUser.current().filter(PortalUser::isStaff)
                .orElseThrow(() -> DomainException.notFound("payments", "staff"));
        if (!user.has(Role.SELLER_ACCOUNTANT) && !user.has(Role.ADMIN)) {
            throw new DomainException(403, "forbidden", "payments.forbidden");
        }
        return user;
    }
}
