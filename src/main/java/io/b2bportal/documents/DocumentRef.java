package io.b2bportal.documents;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An issued document as a caller gets it back: enough to link to it. */
public record DocumentRef(long id, DocumentKind kind, String number, LocalDate issuedOn, long legalEntityId,
        BigDecimal totalGross) {
}
