package io.b2bportal.platform.mail;

import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.support.PortalTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** An SMTP server that is down: the mail waits and is tried again later, and fails after its last attempt. */
@PortalTest
class MailRetryTests {

    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailTheServerDoesNotTakeIsRetriedLaterAndFailsAfterTheLastAttempt() throws IOException {
        MailDispatcher dispatcher = dispatcherTo(deadPort(), 2);
        String to = "retry-" + UUID.randomUUID() + "@test.local";
        long id = transaction.execute(status -> outbox.queue(new OutgoingMail(to, "Тест", "текст", "test.retry")));

        dispatcher.sendDue();
        Row first = row(id);
        assertThat(first.status()).isEqualTo("QUEUED");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).isNotBlank();
        assertThat(first.nextAttemptAt()).isAfter(OffsetDateTime.now().plusSeconds(50));

        dispatcher.sendDue();
        assertThat(row(id).attempts()).as("not due yet").isEqualTo(1);

        jdbc.sql("update platform.mail_outbox set next_attempt_at = now() where id = :id").param("id", id).update();
        dispatcher.sendDue();
        Row last = row(id);
        assertThat(last.status()).isEqualTo("FAILED");
        assertThat(last.attempts()).isEqualTo(2);
        assertThat(last.sentAt()).isNull();
    }

    record Row(String status, int attempts, String error, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
    }

    private Row row(long id) {
        return jdbc.sql("select status, attempts, error, next_attempt_at, sent_at from platform.mail_outbox where id = :id")
                .param("id", id).query(Row.class).single();
    }

    private MailDispatcher dispatcherTo(int port, int maxAttempts) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return new MailDispatcher(outbox, smtp, transaction, new SimpleAsyncTaskScheduler(),
                "Portal <noreply@test.local>", maxAttempts, Duration.ofMinutes(1));
    }

    /** A port nothing listens on: connections are refused at once. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
