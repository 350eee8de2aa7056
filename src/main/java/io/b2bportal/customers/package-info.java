/**
 * Customers: companies, their legal entities (INN, KPP, OGRN, bank details), company users and their
 * roles, delivery addresses, contracts and founding documents, and the electronic supply agreement with its
 * hash-chained acceptance log. Publishes {@link io.b2bportal.customers.LegalEntityApproved}. May use: platform,
 * shared.
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = { "platform", "shared" })
package io.b2bportal.customers;

import org.springframework.modulith.ApplicationModule;
