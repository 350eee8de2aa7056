package io.b2bportal.pricing;

import java.time.Instant;
import java.util.Locale;

/** The promotion that gave a price, as the buyer sees it next to the price: its name and when it ends. */
public record PromotionBadge(long promotionId, String name, String nameEn, Instant endsAt) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
