/**
 * Pricing: price lists, price types, contract prices, tiers, promotions, VAT; resolves a buyer's price
 * at request time and explains it. May use: catalog, customers, platform, shared.
 */
@ApplicationModule(displayName = "Pricing", allowedDependencies = { "catalog", "customers", "platform", "shared" })
package io.b2bportal.pricing;

import org.springframework.modulith.ApplicationModule;
