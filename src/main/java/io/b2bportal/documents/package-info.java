/**
 * Documents: invoices for payment, transfer documents (UPD), credit notes, reconciliation acts; immutable,
 * versioned, hashed. Reacts to ordering's events (inside their transaction: every placed order has its invoice) and
 * posts invoices and credit notes to the ledger. May use: ordering, ledger, customers, catalog, platform, shared.
 */
@ApplicationModule(displayName = "Documents",
        allowedDependencies = { "ordering", "ledger", "customers", "catalog", "platform", "shared" })
package io.b2bportal.documents;

import org.springframework.modulith.ApplicationModule;
