package io.b2bportal.pricing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pricing settings ({@code portal.pricing}).
 *
 * @param vatRates VAT rate by the product's rate code: a percentage, or {@code none} for exempt goods
 */
@ConfigurationProperties("portal.pricing")
record PricingProperties(Map<String, String> vatRates) {

    PricingProperties {
        vatRates = vatRates == null || vatRates.isEmpty()
                ? Map.of("22", "22", "10", "10", "0", "0", "EXEMPT", "none") : Map.copyOf(vatRates);
    }
}
