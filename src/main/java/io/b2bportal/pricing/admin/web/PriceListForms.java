package io.b2bportal.pricing.admin.web;

import io.b2bportal.pricing.admin.Decimals;
import io.b2bportal.pricing.admin.Issues;
import io.b2bportal.pricing.admin.PriceLists.Header;
import io.b2bportal.pricing.admin.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** The forms of the price list pages: text as typed, read into numbers with {@link Decimals}. */
public final class PriceListForms {

    private PriceListForms() {
    }

    /** A price list's header; an unticked checkbox is not sent, so absent means "prices exclude VAT". */
    public record HeaderForm(String code, String name, String currency, String includesVat) {

        static HeaderForm blank() {
            return new HeaderForm("", "", "RUB", "true");
        }

        Header header() {
            return new Header(code == null ? null : code.strip(), name,
                    currency == null ? null : currency.strip().toUpperCase(Locale.ROOT), includesVat != null);
        }
    }

    /** One tier as typed. */
    public record TierForm(String minQty, String amount) {
    }

    /**
     * A product's tiers being edited; {@code action} is the button pressed: {@code save}, {@code add-tier} or
     * {@code remove-tier-N}.
     */
    public record PricesForm(List<TierForm> tiers, String action) {

        static PricesForm of(List<Tier> tiers) {
            Locale locale = LocaleContextHolder.getLocale();
            List<TierForm> rows = tiers.stream()
                    .map(t -> new TierForm(Decimals.input(t.minQty(), locale), Decimals.input(t.amount(), locale)))
                    .toList();
            return new PricesForm(rows.isEmpty() ? List.of(new TierForm("1", "")) : rows, "save");
        }

        public List<TierForm> rows() {
            return tiers == null ? List.of() : tiers.stream().filter(t -> t != null).toList();
        }

        boolean saving() {
            return action == null || "save".equals(action);
        }

        /** The form after an add-tier or remove-tier button: the typed values stay. */
        PricesForm edited() {
            List<TierForm> rows = new ArrayList<>(rows());
            if ("add-tier".equals(action)) {
                rows.add(new TierForm("", ""));
            } else if (action != null && action.startsWith("remove-tier-")) {
                int index = Integer.parseInt(action.substring("remove-tier-".length()));
                if (index >= 0 && index < rows.size() && rows.size() > 1) {
                    rows.remove(index);
                }
            }
            return new PricesForm(rows, "save");
        }

        List<Tier> read(Issues issues) {
            Locale locale = LocaleContextHolder.getLocale();
            List<Tier> result = new ArrayList<>();
            List<TierForm> rows = rows();
            for (int i = 0; i < rows.size(); i++) {
                TierForm row = rows.get(i);
                BigDecimal qty = Decimals.read(row.minQty(), locale, "tiers[" + i + "].minQty", issues);
                BigDecimal amount = Decimals.read(row.amount(), locale, "tiers[" + i + "].amount", issues);
                result.add(new Tier(qty, amount));
            }
            return result;
        }
    }

    /** A product added to the list by SKU with its first price. */
    public record AddForm(String sku, String minQty, String amount) {

        static AddForm blank() {
            return new AddForm("", "1", "");
        }
    }

    /** The bulk change: a percentage, optionally of a category (code) or a brand only. */
    public record AdjustForm(String percent, String category, String brand) {

        static AdjustForm blank() {
            return new AdjustForm("", "", "");
        }
    }
}
