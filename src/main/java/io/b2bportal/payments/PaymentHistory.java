package io.b2bportal.payments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When payments' events happened at the source, for those who log them later (the CRM timeline): a payment on its
 * day of receipt, an invoice paid when the money reached it, a credit hold when it was placed and when it ended.
 * A day of the business (received on, paid on) is combined with the time of day it was recorded (Moscow).
 */
@Service
public class PaymentHistory {

    private final JdbcClient jdbc;

    PaymentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payment's day of receipt at the time of day it was posted (or registered). */
    @Transactional(readOnly = true)
    public Optional<Instant> receivedAt(long paymentId) {
        return at("""
                select case when (coalesce(posted_at, registered_at) at time zone 'Europe/Moscow')::date = received_on
                            then coalesce(posted_at, registered_at)
                            else (received_on + (coalesce(posted_at, registered_at) at time zone 'Europe/Moscow')::time)
                                 at time zone 'Europe/Moscow' end
                  from payments.payment where id = :id""", paymentId);
    }

    /** When the last money reached the invoice (its latest allocation, or the payment that paid it). */
    @Transactional(readOnly = true)
    public Optional<Instant> lastPaidAt(long invoiceId) {
        return at("""
                select max(coalesce(p.posted_at, a.created_at))
                  from payments.allocation a left join payments.payment p on p.id = a.payment_id and a.kind = 'PAYMENT'
                 where a.invoice_id = :id and a.kind <> 'REFUND'""", invoiceId);
    }

    /** When the credit hold was placed. */
    @Transactional(readOnly = true)
    public Optional<Instant> holdPlacedAt(long holdId) {
        return at("select placed_at from payments.credit_hold where id = :id", holdId);
    }

    /** When the credit hold ended (lifted by payment or released by an accountant), if it has. */
    @Transactional(readOnly = true)
    public Optional<Instant> holdEndedAt(long holdId) {
        return at("select coalesce(lifted_at, released_at) from payments.credit_hold where id = :id", holdId);
    }

    private Optional<Instant> at(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }
}
