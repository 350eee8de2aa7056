package io.b2bportal.crm.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Net Promoter Score of a set of 0-10 answers: promoters answer 9 or 10, detractors 0 to 6, passives 7 or 8;
 * NPS = % promoters − % detractors, from −100 to 100, rounded HALF_UP to one decimal. No answers: no score.
 */
public record Nps(long promoters, long passives, long detractors) {

    public static Nps of(Collection<Integer> scores) {
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (int score : scores) {
            if (score < 0 || score > 10) {
                throw new IllegalArgumentException("An NPS answer is 0 to 10: " + score);
            }
            if (score >= 9) {
                promoters++;
            } else if (score >= 7) {
                passives++;
            } else {
                detractors++;
            }
        }
        return new Nps(promoters, passives, detractors);
    }

    public long answers() {
        return promoters + passives + detractors;
    }

    /** The score, or null when nobody answered. */
    public BigDecimal score() {
        if (answers() == 0) {
            return null;
        }
        return BigDecimal.valueOf((promoters - detractors) * 100L)
                .divide(BigDecimal.valueOf(answers()), 1, RoundingMode.HALF_UP);
    }

    public Nps plus(Nps other) {
        return new Nps(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }
}
