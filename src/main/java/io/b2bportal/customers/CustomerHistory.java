package io.b2bportal.customers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When customers' events happened at the source, for those who log them later (the CRM timeline). */
@Service
public class CustomerHistory {

    private final JdbcClient jdbc;

    CustomerHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the company was created (registered itself or was entered by staff). */
    @Transactional(readOnly = true)
    public Optional<Instant> registeredAt(long companyId) {
        return jdbc.sql("select created_at from customers.company where id = :id").param("id", companyId)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** When the seller verified the legal entity, if it has. */
    @Transactional(readOnly = true)
    public Optional<Instant> verifiedAt(long legalEntityId) {
        return jdbc.sql("select verified_at from customers.legal_entity where id = :id").param("id", legalEntityId)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }
}
