package io.b2bportal.crm.satisfaction;

import io.b2bportal.claims.ClaimRated;
import io.b2bportal.crm.timeline.Timeline;
import io.b2bportal.ordering.OrderDelivered;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.platform.Mailer;
import io.b2bportal.platform.Notifications;
import io.b2bportal.platform.OutgoingMail;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.BusinessDate;
import io.b2bportal.shared.DomainException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks customers how satisfied they are and records their answers. After a delivery, the buyer who placed the order
 * gets a 1-5 question (in-app notification and a mail with a one-time link); every {@code portal.crm.nps-interval-days}
 * the customer administrators get the NPS question (0-10). A rated claim (the claims module asks) is recorded as it
 * comes. Each question is answered once, only by the user it was asked of, before it expires.
 */
@Service
public class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Kind { DELIVERY, NPS }

    /** A question as the customer who was asked sees it: their own, nothing else. */
    public record Question(long id, Kind kind, String token, String orderNumber, LocalDate periodStart,
            OffsetDateTime expiresAt, OffsetDateTime answeredAt, Integer score, String comment) {

        public boolean open() {
            return answeredAt == null && expiresAt.toInstant().isAfter(Instant.now());
        }

        public boolean expired() {
            return answeredAt == null && !open();
        }

        public int maxScore() {
            return kind == Kind.NPS ? 10 : 5;
        }

        public int minScore() {
            return kind == Kind.NPS ? 0 : 1;
        }
    }

    private final JdbcClient jdbc;
    private final OrderingApi ordering;
    private final Notifications notifications;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Timeline timeline;
    private final String baseUrl;
    private final int deliveryDays;
    private final int npsIntervalDays;

    Surveys(JdbcClient jdbc, OrderingApi ordering, Notifications notifications, Mailer mailer, MessageSource messages,
            Timeline timeline, @Value("${portal.base-url:http://localhost:8080}") String baseUrl,
            @Value("${portal.crm.feedback-days:30}") int deliveryDays,
            @Value("${portal.crm.nps-interval-days:90}") int npsIntervalDays) {
        this.jdbc = jdbc;
        this.ordering = ordering;
        this.notifications = notifications;
        this.mailer = mailer;
        this.messages = messages;
        this.timeline = timeline;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.deliveryDays = deliveryDays;
        if (npsIntervalDays < 1) {
            throw new IllegalArgumentException("portal.crm.nps-interval-days must be at least 1");
        }
        this.npsIntervalDays = npsIntervalDays;
    }

    private record Recipient(long id, String email, String displayName, String locale) {
        Locale language() {
            return Locale.forLanguageTag(locale == null ? "ru" : locale);
        }
    }

    /** After a delivery, the buyer who placed the order (a customer user, not staff on their behalf) is asked once. */
    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        askAfterDelivery(delivered.orderId());
    }

    /** Asks the buyer of a delivered order; empty when asked already or the order was placed by staff. */
    @Transactional
    public Optional<String> askAfterDelivery(long orderId) {
        var order = ordering.order(orderId).orElse(null);
        if (order == null) {
            return Optional.empty();
        }
        Optional<Recipient> buyer = jdbc.sql("""
                        select u.id, u.email, u.display_name, u.locale from platform.user_account u
                         where u.id = :id and u.side = 'CUSTOMER' and u.enabled""")
                .param("id", order.placedBy()).query(Recipient.class).optional();
        if (buyer.isEmpty()) {
            return Optional.empty();
        }
        String token = token();
        Optional<Long> created = jdbc.sql("""
                        insert into crm.satisfaction_request (kind, token, company_id, user_id, order_id, order_number,
                                                              expires_at)
                        values ('DELIVERY', :token, :company, :user, :order, :number, :expires)
                        on conflict (order_id) where kind = 'DELIVERY' do nothing
                        returning id""")
                .param("token", token).param("company", order.companyId()).param("user", buyer.get().id())
                .param("order", orderId).param("number", order.number())
                .param("expires", java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(deliveryDays))))
                .query(Long.class).optional();
        if (created.isEmpty()) {
            return Optional.empty();
        }
        Recipient to = buyer.get();
        Locale locale = to.language();
        String link = "/feedback/" + token;
        notifications.notify(to.id(), "crm.feedback.delivery",
                messages.getMessage("crm.satisfaction.ask.delivery", new Object[] {order.number()}, locale), link);
        mailer.send(new OutgoingMail(to.email(),
                messages.getMessage("crm.satisfaction.mail.subject", new Object[] {order.number()}, locale),
                messages.getMessage("crm.satisfaction.mail.text",
                        new Object[] {to.displayName(), order.number(), baseUrl + link, deliveryDays}, locale),
                "crm.feedback.delivery"));
        log.info("Asked {} to rate the delivery of order {}", to.email(), order.number());
        return Optional.of(token);
    }

    /** The claims module asked the buyer to rate a closed claim; the answer counts as a satisfaction response. */
    @ApplicationModuleListener
    void on(ClaimRated rated) {
        recordClaimRating(rated);
    }

    @Transactional
    public boolean recordClaimRating(ClaimRated rated) {
        if (rated.rating() < 1 || rated.rating() > 5) {
            log.warn("Claim {} rated {}: not 1-5, not recorded", rated.number(), rated.rating());
            return false;
        }
        Optional<Long> id = jdbc.sql("""
                        insert into crm.satisfaction_response (source, company_id, claim_id, subject, score, comment)
                        values ('CLAIM', :company, :claim, :number, :score, :comment)
                        on conflict (claim_id) do nothing
                        returning id""")
                .param("company", rated.companyId()).param("claim", rated.claimId()).param("number", rated.number())
                .param("score", rated.rating()).param("comment", comment(rated.comment()))
                .query(Long.class).optional();
        id.ifPresent(response -> timeline.record(new Timeline.Entry(rated.companyId(), null, Instant.now(), "RATING",
                "crm.satisfaction.timeline.claim", List.of(rated.number(), String.valueOf(rated.rating())), "CLAIM",
                rated.claimId(), null, "satisfaction:" + response)));
        return id.isPresent();
    }

    /** The first day of the NPS period {@code day} falls in: periods of the interval, counted from 1970-01-01. */
    public LocalDate npsPeriodStart(LocalDate day) {
        return LocalDate.ofEpochDay(Math.floorDiv(day.toEpochDay(), npsIntervalDays) * npsIntervalDays);
    }

    /**
     * Asks every enabled customer administrator the NPS question of the period {@code today} falls in, once per
     * period (a second run in the same period asks nobody again). Returns how many were asked now.
     */
    @Transactional
    public int askNps(LocalDate today) {
        LocalDate start = npsPeriodStart(today);
        Instant expires = start.plusDays(npsIntervalDays).atStartOfDay(BusinessDate.ZONE).toInstant();
        if (!expires.isAfter(Instant.now())) {
            return 0;
        }
        record Asked(long userId, String locale) {
        }
        List<Asked> asked = jdbc.sql("""
                        insert into crm.satisfaction_request (kind, token, company_id, user_id, period_start, expires_at)
                        select 'NPS', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), a.company_id, a.user_id, :start, :expires
                          from (select distinct on (u.id) u.id as user_id, m.company_id
                                  from platform.user_account u
                                  join customers.membership m on m.user_id = u.id
                                 where u.side = 'CUSTOMER' and u.enabled and 'CUSTOMER_ADMIN' = any (u.roles)
                                 order by u.id, m.company_id) a
                        on conflict (user_id, period_start) where kind = 'NPS' do nothing
                        returning user_id, (select locale from platform.user_account where id = user_id) as locale""")
                .param("start", start).param("expires", java.sql.Timestamp.from(expires))
                .query(Asked.class).list();
        for (Asked a : asked) {
            notifications.notify(a.userId(), "crm.feedback.nps", messages.getMessage("crm.satisfaction.ask.nps", null,
                    Locale.forLanguageTag(a.locale() == null ? "ru" : a.locale())), "/feedback/nps");
        }
        log.info("NPS period {}: {} customer administrators asked", start, asked.size());
        return asked.size();
    }

    /** The user's own question behind this token; empty for an unknown token or someone else's. */
    @Transactional(readOnly = true)
    public Optional<Question> question(PortalUser user, String token) {
        return jdbc.sql(QUESTION + " where q.token = :token and q.user_id = :user")
                .param("token", token == null ? "" : token).param("user", user.id()).query(Question.class).optional();
    }

    /** The user's NPS question of the current period, or the latest one, if any. */
    @Transactional(readOnly = true)
    public Optional<Question> currentNps(PortalUser user) {
        return jdbc.sql(QUESTION + " where q.user_id = :user and q.kind = 'NPS' order by q.period_start desc limit 1")
                .param("user", user.id()).query(Question.class).optional();
    }

    private static final String QUESTION = """
            select q.id, q.kind, q.token, q.order_number, q.period_start, q.expires_at, q.answered_at, r.score, r.comment
              from crm.satisfaction_request q
              left join crm.satisfaction_response r on r.request_id = q.id""";

    /**
     * Records the user's answer to their question: the score must fit the question (1-5, NPS 0-10), the question must
     * be theirs, still open and not answered (a second answer is refused, also when two arrive at once).
     */
    @Transactional
    public Question answer(PortalUser user, String token, Integer score, String comment) {
        Question question = question(user, token)
                .orElseThrow(() -> new DomainException(404, "unknown-feedback", "crm.satisfaction.error.unknown"));
        if (question.answeredAt() != null) {
            throw DomainException.conflict("answered", "crm.satisfaction.error.answered");
        }
        if (question.expired()) {
            throw new DomainException(410, "expired", "crm.satisfaction.error.expired");
        }
        if (score == null || score < question.minScore() || score > question.maxScore()) {
            throw DomainException.invalid("bad-score", "crm.satisfaction.error.score", question.minScore(),
                    question.maxScore());
        }
        String text = comment(comment);
        if (text != null && text.length() > 2000) {
            throw DomainException.invalid("long-comment", "crm.satisfaction.error.comment", 2000);
        }
        record Claimed(long companyId, String orderNumber) {
        }
        Claimed claimed = jdbc.sql("""
                        update crm.satisfaction_request set answered_at = now()
                         where id = :id and answered_at is null and expires_at > now()
                        returning company_id, order_number""")
                .param("id", question.id()).query(Claimed.class).optional()
                .orElseThrow(() -> DomainException.conflict("answered", "crm.satisfaction.error.answered"));
        long response = jdbc.sql("""
                        insert into crm.satisfaction_response (source, company_id, request_id, user_id, subject, score, comment)
                        values (:source, :company, :request, :user, :subject, :score, :comment)
                        returning id""")
                .param("source", question.kind().name()).param("company", claimed.companyId())
                .param("request", question.id()).param("user", user.id()).param("subject", claimed.orderNumber())
                .param("score", score).param("comment", text).query(Long.class).single();
        timeline.record(new Timeline.Entry(claimed.companyId(), null, Instant.now(), "RATING",
                question.kind() == Kind.NPS ? "crm.satisfaction.timeline.nps" : "crm.satisfaction.timeline.delivery",
                question.kind() == Kind.NPS ? List.of(String.valueOf(score))
                        : List.of(claimed.orderNumber(), String.valueOf(score)),
                null, null, user.id(), "satisfaction:" + response));
        return question(user, token).orElseThrow();
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
