/**
 * Ledger: the append-only double-entry ledger of receivables per legal entity. Documents post invoices and credit
 * notes, payments post payments, allocations and refunds; balances, open items (what is left to pay of each invoice),
 * statements and the trial balance are sums of postings. May use: platform, shared.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = { "platform", "shared" })
package io.b2bportal.ledger;

import org.springframework.modulith.ApplicationModule;
