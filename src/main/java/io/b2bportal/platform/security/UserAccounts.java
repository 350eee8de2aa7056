package io.b2bportal.platform.security;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User accounts in {@code platform.user_account}: the SQL side of sign-in and account creation. */
@Repository
public class UserAccounts {

    /** What an account without a password (invited, not yet accepted) compares against: matches nothing. */
    private static final String NO_PASSWORD = "{bcrypt}no-password-set";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account row as sign-in needs it: whether it is a demo account, whether its e-mail is confirmed. */
    record Account(PortalUser user, boolean demo, boolean emailVerified) {
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("""
                        select id, email, display_name, side, roles, locale, password_hash, enabled, demo, email_verified
                          from platform.user_account where email = :email""")
                .param("email", normalize(email))
                .query((rs, n) -> new Account(map(rs), rs.getBoolean("demo"), rs.getBoolean("email_verified")))
                .optional();
    }

    public void setEmailVerified(long id, boolean verified) {
        jdbc.sql("update platform.user_account set email_verified = :verified where id = :id")
                .param("verified", verified).param("id", id).update();
    }

    public void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("update platform.user_account set password_hash = :hash where id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    public void setRoles(long id, Set<Role> roles) {
        jdbc.sql("update platform.user_account set roles = :roles where id = :id")
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new)).param("id", id)
                .update();
    }

    public Optional<PortalUser> findById(long id) {
        return jdbc.sql("""
                        select id, email, display_name, side, roles, locale, password_hash, enabled
                          from platform.user_account where id = :id""")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public Optional<Long> idByEmail(String email) {
        return jdbc.sql("select id from platform.user_account where email = :email")
                .param("email", normalize(email)).query(Long.class).optional();
    }

    public boolean existsByEmail(String email) {
        return jdbc.sql("select exists (select 1 from platform.user_account where email = :email)")
                .param("email", normalize(email)).query(Boolean.class).single();
    }

    /** Creates an account; the password is already hashed. Returns the new id. */
    public long create(String email, String displayName, Role.Side side, Set<Role> roles, String passwordHash,
            boolean demo) {
        return create(email, displayName, side, roles, passwordHash, demo, true);
    }

    public long create(String email, String displayName, Role.Side side, Set<Role> roles, String passwordHash,
            boolean demo, boolean emailVerified) {
        if (roles.stream().anyMatch(r -> r.side() != side)) {
            throw new IllegalArgumentException("Roles " + roles + " do not all belong to side " + side);
        }
        return jdbc.sql("""
                        insert into platform.user_account (email, display_name, side, roles, password_hash, demo,
                                                           email_verified)
                        values (:email, :name, :side, :roles, :hash, :demo, :verified) returning id""")
                .param("verified", emailVerified)
                .param("email", normalize(email))
                .param("name", displayName)
                .param("side", side.name())
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("hash", passwordHash)
                .param("demo", demo)
                .query(Long.class).single();
    }

    public boolean anyEnabledAdmin() {
        return jdbc.sql("""
                        select exists (select 1 from platform.user_account
                                        where enabled and side = 'SELLER' and 'ADMIN' = any (roles))""")
                .query(Boolean.class).single();
    }

    /** A row of the staff or user directory. */
    public record AccountRow(long id, String email, String displayName, List<Role> roles, boolean enabled,
            OffsetDateTime createdAt) {
    }

    public List<AccountRow> listSide(Role.Side side) {
        return jdbc.sql("""
                        select id, email, display_name, roles, enabled, created_at from platform.user_account
                         where side = :side order by display_name, id""")
                .param("side", side.name())
                .query((rs, n) -> new AccountRow(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name"),
                        Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).toList(),
                        rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public long countSide(Role.Side side) {
        return jdbc.sql("select count(*) from platform.user_account where side = :side")
                .param("side", side.name()).query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from platform.user_account").query(Long.class).single();
    }

    public boolean hasPassword(long id) {
        return jdbc.sql("select password_hash is not null from platform.user_account where id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    boolean isEnabled(long id) {
        return jdbc.sql("select enabled from platform.user_account where id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update platform.user_account set enabled = :enabled where id = :id")
                .param("enabled", enabled).param("id", id).update();
    }

    public void updateLocale(long id, Locale locale) {
        jdbc.sql("update platform.user_account set locale = :locale where id = :id")
                .param("locale", locale.getLanguage()).param("id", id).update();
    }

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static PortalUser map(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> parsed = Arrays.stream((String[]) roles.getArray())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new PortalUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.Side.valueOf(rs.getString("side")), parsed, rs.getString("locale"),
                Objects.requireNonNullElse(rs.getString("password_hash"), NO_PASSWORD), rs.getBoolean("enabled"));
    }
}
