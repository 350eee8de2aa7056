package io.b2bportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal entry to post: what it records, when, and postings that sum to zero. Postings of zero are dropped, so
 * a caller may add a VAT line of 0.00 without a branch.
 */
public record JournalEntry(JournalKind kind, long legalEntityId, LocalDate occurredOn, Long documentId,
        Long paymentId, String memo, Long postedBy, List<Posting> postings) {

    public JournalEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredOn, "occurredOn");
        postings = List.copyOf(postings);
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("an entry without postings");
        }
        BigDecimal sum = postings.stream().map(Posting::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() != 0) {
            throw new IllegalArgumentException("an entry that does not balance: " + sum);
        }
    }

    /** Collects postings, skipping zero amounts. */
    public static final class Builder {
        private final JournalKind kind;
        private final long legalEntityId;
        private final LocalDate occurredOn;
        private Long documentId;
        private Long paymentId;
        private String memo;
        private Long postedBy;
        private final List<Posting> postings = new ArrayList<>();

        public Builder(JournalKind kind, long legalEntityId, LocalDate occurredOn) {
            this.kind = kind;
            this.legalEntityId = legalEntityId;
            this.occurredOn = occurredOn;
        }

        public Builder document(Long id) {
            this.documentId = id;
            return this;
        }

        public Builder payment(Long id) {
            this.paymentId = id;
            return this;
        }

        public Builder memo(String memo) {
            this.memo = memo;
            return this;
        }

        public Builder postedBy(Long userId) {
            this.postedBy = userId;
            return this;
        }

        public Builder debit(Account account, Long itemId, BigDecimal amount) {
            if (amount.signum() != 0) {
                postings.add(Posting.debit(account, legalEntityId, itemId, amount));
            }
            return this;
        }

        public Builder credit(Account account, Long itemId, BigDecimal amount) {
            if (amount.signum() != 0) {
                postings.add(Posting.credit(account, legalEntityId, itemId, amount));
            }
            return this;
        }

        public boolean isEmpty() {
            return postings.isEmpty();
        }

        public JournalEntry build() {
            return new JournalEntry(kind, legalEntityId, occurredOn, documentId, paymentId, memo, postedBy, postings);
        }
    }
}
