package io.b2bportal.payments;

import io.b2bportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The credit demo: Gamma is overdue and on hold with its reminders sent; Alpha Stroy (the ordering tests') is not. */
@PortalTest
class CreditDemoTests {

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void gammaIsOnCreditHoldWithItsRemindersSentAndAlphaStroyIsNot() {
        assertThat(count("""
                select count(*) from payments.credit_hold h join customers.legal_entity e on e.id = h.legal_entity_id
                 where e.inn = '773123456716' and h.lifted_at is null and h.released_at is null
                   and h.oldest_due_on < current_date - 5""")).isEqualTo(1);
        assertThat(count("""
                select count(*) from payments.credit_hold h join customers.legal_entity e on e.id = h.legal_entity_id
                 where e.inn = '7704123450'""")).isZero();
        assertThat(count("""
                select count(*) from payments.reminder_sent r join customers.legal_entity e on e.id = r.legal_entity_id
                 where e.inn = '773123456716'""")).isGreaterThanOrEqualTo(4);
        assertThat(count("""
                select count(*) from platform.mail_outbox
                 where recipient = 'buyer@gamma.demo' and kind like 'payments.reminder.%'""")).isGreaterThanOrEqualTo(4);
        assertThat(count("""
                select count(*) from platform.notification n join platform.user_account u on u.id = n.user_id
                 where u.email = 'buyer@gamma.demo' and n.kind like 'payments.reminder.%'""")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from payments.credit_hold where released_at is not null")).isPositive();
    }
}
