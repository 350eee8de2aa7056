package io.b2bportal.platform.demo;

import io.b2bportal.platform.DemoData;
import io.b2bportal.platform.security.UserAccounts;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo the first time the portal starts on an empty database in demo mode
 * ({@code PORTAL_DEMO}, on by default): every module's {@link DemoData}, in order, in one transaction.
 * An advisory lock makes a second node that starts at the same moment wait and then find the work done.
 */
@Component
@Order(0)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final long ADVISORY_LOCK = 0x6232625f64656d6fL;

    private final List<DemoData> contributions;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean demoMode;

    DemoDataSeeder(List<DemoData> contributions, UserAccounts accounts, JdbcClient jdbc,
            TransactionTemplate transaction, @Value("${portal.demo}") boolean demoMode) {
        this.contributions = contributions.stream().sorted(Comparator.comparingInt(DemoData::order)).toList();
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.demoMode = demoMode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", ADVISORY_LOCK).query().singleRow();
            if (accounts.count() > 0) {
                return;
            }
            long started = System.nanoTime();
            RandomGenerator random = new Random(20261127L);
            DemoData.DemoSeeding seeding = new DemoData.DemoSeeding() {
                @Override
                public long accountId(String email) {
                    return accounts.idByEmail(email)
                            .orElseThrow(() -> new IllegalStateException("No demo account " + email));
                }

                @Override
                public RandomGenerator random() {
                    return random;
                }
            };
            for (DemoData contribution : contributions) {
                contribution.seed(seeding);
            }
            log.info("Demo data seeded by {} contributions in {} ms", contributions.size(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }
}
