/**
 * Claims and returns: a buyer's claim against shipped order lines (never more than shipped minus already claimed),
 * its photos and files, the thread with the seller, the seller's queue with SLA, assignment and internal notes, the
 * status workflow with its history, and the resolutions that really happen: a zero-price replacement order
 * (ordering), a return of goods whose receipt puts stock back (catalog), a credit note (documents, behind
 * {@code claims.resolution.CreditNoteIssuer}). Publishes ClaimOpened, ClaimStatusChanged, ClaimResolved,
 * ClaimClosed, ClaimRated. May use: ordering, documents, ledger, payments, customers, catalog, platform, shared.
 */
@ApplicationModule(displayName = "Claims",
        allowedDependencies = { "ordering", "documents", "ledger", "payments", "customers", "catalog", "platform",
                "shared" })
package io.b2bportal.claims;

import org.springframework.modulith.ApplicationModule;
