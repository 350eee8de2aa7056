package io.b2bportal.documents.invoice;

import io.b2bportal.documents.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gap-free yearly numbers per kind of document. The counter row stays locked until the issuing transaction ends, so a
 * number is used exactly when the document that took it commits: a rolled-back issue leaves no hole.
 */
@Component
public class DocumentNumbers {

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of this kind in this year; call inside the transaction that inserts the document. */
    public int next(DocumentKind kind, int year) {
        return jdbc.sql("""
                        insert into documents.number_sequence (kind, year, last_number) values (:kind, :year, 1)
                        on conflict (kind, year) do update set last_number = number_sequence.last_number + 1
                        returning last_number""")
                .param("kind", kind.name()).param("year", year).query(Integer.class).single();
    }
}
