package io.b2bportal.platform.demo;

import io.b2bportal.platform.Role;
import io.b2bportal.platform.security.UserAccounts;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, creates the first administrator from PORTAL_ADMIN_EMAIL/PORTAL_ADMIN_PASSWORD; and once
 * the portal is ready, says where it is and how to get in: the demo logins, or the setup page.
 */
@Component
@Order(1)
class StartupReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final boolean demoMode;
    private final String baseUrl;
    private final String adminEmail;
    private final String adminPassword;

    StartupReport(UserAccounts accounts, PasswordEncoder passwordEncoder, @Value("${portal.demo}") boolean demoMode,
            @Value("${portal.base-url}") String baseUrl, @Value("${portal.admin.email:}") String adminEmail,
            @Value("${portal.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.demoMode = demoMode;
        this.baseUrl = baseUrl;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoMode || accounts.anyEnabledAdmin() || adminEmail.isBlank() || adminPassword.isBlank()) {
            return;
        }
        if (adminPassword.length() < 12) {
            throw new IllegalStateException("PORTAL_ADMIN_PASSWORD must have at least 12 characters");
        }
        accounts.create(adminEmail, "Administrator", Role.Side.SELLER, Set.of(Role.ADMIN),
                passwordEncoder.encode(adminPassword), false);
        log.info("Created the first administrator {} from PORTAL_ADMIN_EMAIL", adminEmail);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        StringBuilder report = new StringBuilder("\n\n  B2B Portal is ready: ").append(baseUrl).append("/login\n");
        if (demoMode) {
            report.append("  Demo mode (PORTAL_DEMO=false turns it off). Every demo login has the password '")
                    .append(PlatformDemoData.PASSWORD).append("':\n");
            for (var account : PlatformDemoData.ACCOUNTS) {
                report.append(String.format("    %-24s %-8s %s%n", account.email(),
                        account.side() == Role.Side.SELLER ? "seller" : "customer",
                        account.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
            }
        } else if (!accounts.anyEnabledAdmin()) {
            report.append("  No administrator yet: open ").append(baseUrl)
                    .append("/setup to create one, or set PORTAL_ADMIN_EMAIL and PORTAL_ADMIN_PASSWORD.\n");
        }
        report.append("  API docs: ").append(baseUrl).append("/api/docs\n");
        log.info(report.toString());
    }
}
