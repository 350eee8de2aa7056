package io.b2bportal.pricing.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VAT rates by the product's rate code ({@code catalog.product.vat_rate}): a percentage, or none for goods exempt
 * from VAT. Configured in {@code portal.pricing.vat-rates}; a code without a rate is a configuration error.
 */
public final class VatRates {

    private final Map<String, Optional<BigDecimal>> rates;

    private VatRates(Map<String, Optional<BigDecimal>> rates) {
        this.rates = Map.copyOf(rates);
    }

    /** Rates from configuration text: a number of percent, or {@code none} for exempt. */
    public static VatRates parse(Map<String, String> configured) {
        Map<String, Optional<BigDecimal>> rates = new HashMap<>();
        configured.forEach((code, rate) -> {
            String value = rate == null ? "" : rate.strip();
            if (value.isEmpty() || value.equalsIgnoreCase("none") || value.equalsIgnoreCase("exempt")) {
                rates.put(code, Optional.empty());
            } else {
                BigDecimal percent = new BigDecimal(value);
                if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) >= 0) {
                    throw new IllegalArgumentException("VAT rate " + code + " must be 0 ≤ rate < 100: " + rate);
                }
                rates.put(code, Optional.of(percent));
            }
        });
        return new VatRates(rates);
    }

    /** The Russian rates: 22 %, 10 %, 0 % and exempt. */
    public static VatRates russian() {
        return parse(Map.of("22", "22", "10", "10", "0", "0", "EXEMPT", "none"));
    }

    /** The percentage of a rate code; empty for exempt goods. */
    public Optional<BigDecimal> percent(String code) {
        Optional<BigDecimal> rate = rates.get(code);
        if (rate == null) {
            throw new IllegalStateException("No VAT rate configured for code " + code
                    + " (portal.pricing.vat-rates)");
        }
        return rate;
    }

    public boolean knows(String code) {
        return rates.containsKey(code);
    }
}
