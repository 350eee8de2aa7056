package io.b2bportal.platform.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failures within a window, an account (and separately a
 * client address) is locked for a while. Counts live in PostgreSQL, so every app node sees the same.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc,
            @Value("${portal.security.login.max-failures-per-account}") int maxPerAccount,
            @Value("${portal.security.login.max-failures-per-address}") int maxPerAddress,
            @Value("${portal.security.login.window}") Duration window,
            @Value("${portal.security.login.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** Refuses the attempt outright while the account or the address is locked. */
    void check(String email, String address) {
        List<OffsetDateTime> lockedUntil = jdbc.sql("""
                        select locked_until from platform.login_failure
                         where key in (:keys) and locked_until > now()
                         order by locked_until desc""")
                .param("keys", List.of(accountKey(email), addressKey(address)))
                .query(OffsetDateTime.class).list();
        if (!lockedUntil.isEmpty()) {
            long seconds = Duration.between(OffsetDateTime.now(), lockedUntil.getFirst()).toSeconds();
            throw new LoginThrottledException(Math.max(1, (seconds + 59) / 60));
        }
    }

    void failed(String email, String address) {
        record(accountKey(email), maxPerAccount);
        record(addressKey(address), maxPerAddress);
    }

    void succeeded(String email) {
        jdbc.sql("delete from platform.login_failure where key = :key").param("key", accountKey(email)).update();
    }

    private void record(String key, int max) {
        jdbc.sql("""
                        insert into platform.login_failure as f (key, failures, window_started_at, locked_until)
                        values (:key, 1, now(), case when 1 >= :max then now() + make_interval(secs => :lockout) end)
                        on conflict (key) do update set
                          failures = case when f.window_started_at < now() - make_interval(secs => :window)
                                          then 1 else f.failures + 1 end,
                          window_started_at = case when f.window_started_at < now() - make_interval(secs => :window)
                                                   then now() else f.window_started_at end,
                          locked_until = case when (case when f.window_started_at < now() - make_interval(secs => :window)
                                                         then 1 else f.failures + 1 end) >= :max
                                              then now() + make_interval(secs => :lockout) else f.locked_until end""")
                .param("key", key)
                .param("max", max)
                .param("window", (double) window.toSeconds())
                .param("lockout", (double) lockout.toSeconds())
                .update();
    }

    private static String accountKey(String email) {
        return "account:" + UserAccounts.normalize(email);
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }
}
