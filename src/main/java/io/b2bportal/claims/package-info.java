/**
 * Claims and returns: claims per shipped order line, the buyer-seller thread, resolutions into credit
 * notes, replacements and returns. May use: ordering, documents, payments, customers, catalog, platform, shared.
 */
@ApplicationModule(displayName = "Claims", allowedDependencies = { "ordering", "documents", "payments", "customers", "catalog", "platform", "shared" })
package io.b2bportal.claims;

import org.springframework.modulith.ApplicationModule;
