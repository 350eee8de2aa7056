package io.b2bportal.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** The promotion that gave a price, as the buyer sees it next to the price: its name and when it ends. */
public record PromotionBadge(long promotionId, String name, String nameEn, Instant endsAt) {

    /** The seller's time zone, in which promotion days are shown. */
    public static final ZoneId SELLER_ZONE = ZoneId.of("Europe/Moscow");

    /** The last day the promotion runs, in Moscow time ({@code endsAt} itself is exclusive). */
    public LocalDate lastDay() {
        return endsAt.minusNanos(1).atZone(SELLER_ZONE).toLocalDate();
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
