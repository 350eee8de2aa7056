/**
 * Payments: manual and imported bank payments (1C client-bank exchange), the online payment provider SPI with its
 * sandbox, allocation of payments to invoices, credit exposure and credit holds (ordering's {@code Receivables}),
 * reminders and the finance reports. Posts payments, allocations and refunds to the ledger. May use: documents,
 * ledger, ordering, customers, platform, shared.
 */
@ApplicationModule(displayName = "Payments",
        allowedDependencies = { "documents", "ledger", "ordering", "customers", "platform", "platform::imports", "shared" })
package io.b2bportal.payments;

import org.springframework.modulith.ApplicationModule;
