package io.b2bportal.platform;

import io.b2bportal.platform.security.UserAccounts;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * User accounts for other modules: the customers module creates customer accounts (registration,
 * invitations, demo data) and switches them on and off; nobody else touches passwords or roles directly.
 * Also the seller's own requisites, which documents print.
 */
@Service
public class PlatformApi {

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;

    PlatformApi(UserAccounts accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
    }

    /** Creates an account; {@code rawPassword} null makes one that cannot sign in until a password is set. */
    public long createAccount(String email, String displayName, Role.Side side, Set<Role> roles, String rawPassword,
            boolean demo) {
        return accounts.create(email, displayName, side, roles,
                rawPassword == null ? null : passwordEncoder.encode(rawPassword), demo);
    }

    /** Creates an account with an already computed hash (demo data shares one hash for speed). */
    public long createAccountWithHash(String email, String displayName, Role.Side side, Set<Role> roles,
            String passwordHash, boolean demo) {
        return accounts.create(email, displayName, side, roles, passwordHash, demo);
    }

    /** An account that must confirm its e-mail (or accept an invitation) before it can sign in. */
    public long createUnverifiedAccount(String email, String displayName, Set<Role> roles, String rawPassword) {
        return accounts.create(email, displayName, Role.Side.CUSTOMER, roles,
                rawPassword == null ? null : passwordEncoder.encode(rawPassword), false, false);
    }

    public void markEmailVerified(long id) {
        accounts.setEmailVerified(id, true);
    }

    public void setPassword(long id, String rawPassword) {
        accounts.setPasswordHash(id, passwordEncoder.encode(rawPassword));
    }

    public void setRoles(long id, Set<Role> roles) {
        accounts.setRoles(id, roles);
    }

    public Optional<Long> accountId(String email) {
        return accounts.idByEmail(email);
    }

    public Optional<PortalUser> account(long id) {
        return accounts.findById(id);
    }

    /** Whether the account can sign in with a password (an invited account has none until it accepts). */
    public boolean hasPassword(long id) {
        return accounts.hasPassword(id);
    }

    public boolean emailTaken(String email) {
        return accounts.existsByEmail(email);
    }

    /** Switching an account off stops its sessions and API keys at their next request. */
    public void setEnabled(long id, boolean enabled) {
        accounts.setEnabled(id, enabled);
    }

    /** The seller's requisites; empty until they are set (the demo sets them). */
    public Optional<Seller> seller() {
        return jdbc.sql("""
                        select name, legal_name, inn, kpp, email, phone, ogrn, legal_address, bik, bank_name,
                               settlement_account, correspondent_account
                          from platform.seller where id = 1""")
                .query(Seller.class).optional();
    }
}
