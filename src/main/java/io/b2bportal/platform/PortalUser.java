package io.b2bportal.platform;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, as the security context holds it for pages and API calls alike. Other modules
 * read it with {@code @AuthenticationPrincipal PortalUser} or {@link #current()}.
 */
public final class PortalUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private final Role.Side side;
    private final Set<Role> roles;
    private final String preferredLocale;
    private transient String passwordHash;
    private final boolean enabled;

    public PortalUser(long id, String email, String displayName, Role.Side side, Set<Role> roles,
            String preferredLocale, String passwordHash, boolean enabled) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.side = side;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.preferredLocale = preferredLocale;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    /** The user of the current request, if someone is signed in. */
    public static Optional<PortalUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalUser user
                ? Optional.of(user) : Optional.empty();
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role.Side side() {
        return side;
    }

    public boolean isStaff() {
        return side == Role.Side.SELLER;
    }

    /** Whether this person works in the CRM: administrators, sales heads and account managers. */
    public boolean isCrm() {
        return isStaff() && (roles.contains(Role.ADMIN) || roles.contains(Role.SALES_HEAD)
                || roles.contains(Role.ACCOUNT_MANAGER));
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Optional<Locale> preferredLocale() {
        return Optional.ofNullable(preferredLocale).map(Locale::forLanguageTag);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(Role::authority).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Forget the password hash once authentication is done, so sessions never carry it. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "PortalUser[" + id + ", " + email + ", " + roles + "]";
    }
}
