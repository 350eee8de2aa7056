package io.b2bportal.customers.registration;

import io.b2bportal.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time tokens sent by mail (e-mail confirmation, invitations). The token is in the link only; we keep its
 * SHA-256, so a database reader cannot confirm or accept for someone else. A token works once, until it expires.
 */
@Repository
public class AccountTokens {

    public enum Purpose { CONFIRM_EMAIL, INVITATION }

    /** What a token stands for, once it has been checked. */
    public record Grant(long userId, Long companyId, List<Long> legalEntityIds, List<String> roles) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a token and returns it: the only time it exists in clear. */
    public String issue(Purpose purpose, long userId, Long companyId, List<Long> legalEntityIds, List<String> roles,
            Long invitedBy, Duration validFor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into customers.account_token (token_hash, purpose, user_id, company_id, legal_entity_ids,
                                                             roles, invited_by, expires_at)
                        values (:hash, :purpose, :user, :company, :entities, :roles, :invitedBy,
                                now() + make_interval(secs => :seconds))""")
                .param("hash", hash(token)).param("purpose", purpose.name()).param("user", userId)
                .param("company", companyId).param("entities", legalEntityIds.toArray(Long[]::new))
                .param("roles", roles.toArray(String[]::new)).param("invitedBy", invitedBy)
                .param("seconds", (double) validFor.toSeconds())
                .update();
        return token;
    }

    /** What the token grants, if it is known, unused and not expired; does not use it up. */
    public Optional<Grant> peek(Purpose purpose, String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select user_id, company_id, legal_entity_ids, roles from customers.account_token
                         where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()""")
                .param("hash", hash(token)).param("purpose", purpose.name())
                .query((rs, n) -> new Grant(rs.getLong("user_id"), (Long) rs.getObject("company_id"),
                        List.of((Long[]) rs.getArray("legal_entity_ids").getArray()),
                        List.of((String[]) rs.getArray("roles").getArray())))
                .optional();
    }

    /** Uses the token up; only the first of two concurrent uses succeeds. */
    public Optional<Grant> use(Purpose purpose, String token) {
        Optional<Grant> grant = peek(purpose, token);
        if (grant.isEmpty()) {
            return grant;
        }
        int used = jdbc.sql("""
                        update customers.account_token set used_at = now()
                         where token_hash = :hash and used_at is null and expires_at > now()""")
                .param("hash", hash(token)).update();
        return used == 1 ? grant : Optional.empty();
    }

    private static byte[] hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
