package io.b2bportal.platform.security;

import io.b2bportal.platform.PortalUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in for the login form and HTTP Basic alike: throttled per account and per address,
 * and demo accounts only while the portal runs in demo mode.
 */
@Component
class PortalAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    PortalAuthenticationProvider(UserAccounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            @Value("${portal.demo}") boolean demoMode) {
        super(email -> accounts.findByEmail(email)
                .map(account -> account.demo() && !demoMode ? disabled(account.user())
                        : account.emailVerified() ? account.user() : new Unverified(account.user()))
                .orElseThrow(() -> new UsernameNotFoundException("No account")));
        setPasswordEncoder(passwordEncoder);
        setPostAuthenticationChecks(user -> {
            if (user instanceof Unverified) {
                throw new EmailNotVerifiedException();
            }
        });
        this.throttle = throttle;
    }

    /** Carries an account whose e-mail is not confirmed through the password check, then stops it. */
    private static final class Unverified extends org.springframework.security.core.userdetails.User {
        Unverified(PortalUser user) {
            super(user.getUsername(), user.getPassword() == null ? "" : user.getPassword(), user.isEnabled(), true,
                    true, true, user.getAuthorities());
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.check(email, address);
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(email);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(email, address);
            throw e;
        }
    }

    private static PortalUser disabled(PortalUser user) {
        return new PortalUser(user.id(), user.email(), user.displayName(), user.side(), user.roles(),
                user.preferredLocale().map(java.util.Locale::getLanguage).orElse(null), user.getPassword(), false);
    }
}
