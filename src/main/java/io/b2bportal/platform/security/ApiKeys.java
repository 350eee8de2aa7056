package io.b2bportal.platform.security;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: a user creates them (in the UI or over the API), sees each token exactly once, and may
 * revoke them. Only the SHA-256 of a token is stored, so a database leak gives no working keys.
 */
@Service
public class ApiKeys {

    static final String TOKEN_PREFIX = "bpk_";
    private static final int MAX_ACTIVE_KEYS = 20;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** A key as listed: never the token itself. */
    public record ApiKeyView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A freshly issued key: the only time the token is known. */
    public record IssuedApiKey(ApiKeyView key, String token) {
    }

    @Transactional
    public IssuedApiKey issue(long userId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw DomainException.invalid("api-key-name", "apikey.name.invalid");
        }
        long active = jdbc.sql("select count(*) from platform.api_key where user_id = :user and revoked_at is null")
                .param("user", userId).query(Long.class).single();
        if (active >= MAX_ACTIVE_KEYS) {
            throw DomainException.conflict("api-key-limit", "apikey.limit", MAX_ACTIVE_KEYS);
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, TOKEN_PREFIX.length() + 8);
        ApiKeyView view = jdbc.sql("""
                        insert into platform.api_key (user_id, name, prefix, secret_hash)
                        values (:user, :name, :prefix, :hash)
                        returning id, name, prefix, created_at, last_used_at, revoked_at""")
                .param("user", userId).param("name", trimmed).param("prefix", prefix).param("hash", sha256(token))
                .query(ApiKeyView.class).single();
        return new IssuedApiKey(view, token);
    }

    public List<ApiKeyView> list(long userId) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, last_used_at, revoked_at from platform.api_key
                         where user_id = :user order by revoked_at nulls first, created_at desc""")
                .param("user", userId).query(ApiKeyView.class).list();
    }

    /** Revokes one of the user's own keys; someone else's key is "not found", never "forbidden". */
    @Transactional
    public ApiKeyView revoke(long userId, long keyId) {
        return jdbc.sql("""
                        update platform.api_key set revoked_at = coalesce(revoked_at, now())
                         where id = :id and user_id = :user
                        returning id, name, prefix, created_at, last_used_at, revoked_at""")
                .param("id", keyId).param("user", userId)
                .query(ApiKeyView.class).optional()
                .orElseThrow(() -> DomainException.notFound("api-key", keyId));
    }

    /** The enabled user behind an active token, if any. */
    Optional<PortalUser> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> userId = jdbc.sql("""
                        update platform.api_key set last_used_at = now()
                         where secret_hash = :hash and revoked_at is null
                        returning user_id""")
                .param("hash", sha256(token)).query(Long.class).optional();
        return userId.flatMap(accounts::findById).filter(PortalUser::isEnabled);
    }

    private static byte[] sha256(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
