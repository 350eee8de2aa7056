/**
 * Documents: invoices for payment, transfer documents (UPD), credit notes, reconciliation acts; immutable,
 * versioned, hashed. Reacts to ordering's events. May use: ordering, customers, catalog, platform, shared.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = { "ordering", "customers", "catalog", "platform", "shared" })
package io.b2bportal.documents;

import org.springframework.modulith.ApplicationModule;
