/**
 * Payments: manual and imported bank payments, the online payment provider SPI, the double-entry ledger,
 * credit exposure and credit holds. Reacts to ordering's and documents' events. May use: documents, ordering,
 * customers, platform, shared.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = { "documents", "ordering", "customers", "platform", "shared" })
package io.b2bportal.payments;

import org.springframework.modulith.ApplicationModule;
