/**
 * Pricing: price lists, price types, contract prices, tiers, promotions, VAT; resolves a buyer's price
 * at request time and explains it. Price list import/export is a kind of the platform's import queue
 * (platform::imports). May use: catalog, customers, platform, shared.
 */
@ApplicationModule(displayName = "Pricing",
        allowedDependencies = { "catalog", "customers", "platform", "platform::imports", "shared" })
package io.b2bportal.pricing;

import org.springframework.modulith.ApplicationModule;
