package io.b2bportal.payments.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded bank statement and what became of each document in it. {@code refusedKey} set: the file was refused
 * as a whole and nothing was imported.
 */
public record StatementView(long id, String fileName, String sha256, long sizeBytes, String encoding, String account,
        LocalDate periodFrom, LocalDate periodTo, String refusedKey, List<String> refusedArgs, int documents,
        int imported, int unmatched, int duplicates, int skipped, int errors, String uploadedBy,
        OffsetDateTime uploadedAt, Long sameFileAs, List<Line> lines) {

    /**
     * One document of the file: POSTED (matched and in the ledger), UNMATCHED (waits in review), DUPLICATE (imported
     * before: nothing new), SKIPPED (outgoing, or not to the seller's account), ERROR (broken: not imported).
     */
    public record Line(int lineNo, String docNumber, LocalDate docDate, BigDecimal amount, String payerInn,
            String payerName, String result, String messageKey, List<String> messageArgs, Long paymentId) {
    }
}
