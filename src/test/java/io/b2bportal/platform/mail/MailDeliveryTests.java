package io.b2bportal.platform.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.support.PortalTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With SMTP configured (a GreenMail server on a free port): mail leaves after the commit, arrives intact in
 * UTF-8, is marked sent, and is sent once even when several senders race for it. Its own Spring context,
 * closed after the class so its sender stops polling the shared database.
 */
@PortalTest
@DirtiesContext
class MailDeliveryTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        // only the after-commit run sends in these tests, so each test sees its own mail move
        registry.add("portal.mail.poll-interval", () -> "1h");
        // delivery retries on the task scheduler; the other background work waits an hour in this context
        registry.add("portal.scheduling.enabled", () -> "true");
        registry.add("portal.imports.poll-interval", () -> "1h");
        registry.add("portal.standing-orders.poll-interval", () -> "1h");
    }

    @Autowired
    Mailer mailer;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailArrivesAfterTheCommitWithItsRussianSubjectAndTextIntactAndIsMarkedSent() throws Exception {
        String to = recipient();
        String text = "Здравствуйте, Борис!\nВаш заказ № 42 подтверждён: «Кабель ВВГнг 3×2,5» — 100 м.\nhttps://portal.example/orders/42";

        mailer.send(new OutgoingMail(to, "Заказ № 42 подтверждён", text, "order.confirmed"));

        MimeMessage received = awaitMessageFor(to);
        assertThat(received.getSubject()).isEqualTo("Заказ № 42 подтверждён");
        assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo(text);
        assertThat(received.getFrom()[0].toString()).contains("noreply@localhost");
        assertThat(received.getHeader("X-Portal-Mail")[0]).startsWith("order.confirmed");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(to).status()));
        assertThat(row(to).attempts()).isEqualTo(1);
        assertThat(row(to).sentAt()).isNotNull();
    }

    @Test
    void aMailWithHtmlArrivesAsTextWithAnHtmlAlternative() throws Exception {
        String to = recipient();

        mailer.send(new OutgoingMail(to, "Счёт выставлен", "Счёт № 7 на 1 200,00 ₽", "<p>Счёт <b>№ 7</b> на 1 200,00 ₽</p>",
                "invoice.issued"));

        MimeMessage received = awaitMessageFor(to);
        assertThat(received.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(allParts((MimeMultipart) received.getContent()))
                .containsExactly("Счёт № 7 на 1 200,00 ₽", "<p>Счёт <b>№ 7</b> на 1 200,00 ₽</p>");
    }

    @Test
    void aMailWhoseTransactionRollsBackIsNeverSent() {
        String rolledBack = recipient();
        String committed = recipient();

        transaction.executeWithoutResult(status -> {
            mailer.send(new OutgoingMail(rolledBack, "Не уйдёт", "текст", "test.rollback"));
            status.setRollbackOnly();
        });
        mailer.send(new OutgoingMail(committed, "Уйдёт", "текст", "test.rollback"));

        awaitMessageFor(committed);
        dispatcher.sendDue();
        assertThat(messagesFor(rolledBack)).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform.mail_outbox where recipient = :r")
                .param("r", rolledBack).query(Long.class).single()).isZero();
    }

    @Test
    void severalSendersRacingForTheSameMailsSendEachExactlyOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recipients.add(recipient());
        }
        // queued without the after-commit run, as another node would have left them
        transaction.executeWithoutResult(status -> recipients.forEach(to ->
                outbox.queue(new OutgoingMail(to, "Гонка", "текст", "test.race"))));

        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            List<Callable<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> {
                    dispatcher.sendDue();
                    return null;
                });
            }
            for (Future<Void> run : senders.invokeAll(runs)) {
                run.get();
            }
        }

        for (String to : recipients) {
            assertThat(messagesFor(to)).as(to).hasSize(1);
            assertThat(row(to).status()).isEqualTo("SENT");
            assertThat(row(to).attempts()).isEqualTo(1);
        }
    }

    record Row(String status, int attempts, java.time.OffsetDateTime sentAt) {
    }

    private Row row(String recipient) {
        return jdbc.sql("select status, attempts, sent_at from platform.mail_outbox where recipient = :r")
                .param("r", recipient).query(Row.class).single();
    }

    private static String recipient() {
        return "smtp-" + UUID.randomUUID() + "@test.local";
    }

    private static MimeMessage awaitMessageFor(String recipient) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> messagesFor(recipient), list -> !list.isEmpty())
                .getFirst();
    }

    private static List<MimeMessage> messagesFor(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> allParts(MimeMultipart multipart) throws Exception {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof MimeMultipart nested) {
                parts.addAll(allParts(nested));
            } else {
                parts.add(String.valueOf(content).replace("\r\n", "\n"));
            }
        }
        return parts;
    }
}
