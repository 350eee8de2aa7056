/**
 * Analytics and KPIs: sales, margin and cost of sale by channel, customer, product group, department and
 * manager. Reads the other modules' events; nothing depends on it. May use: every module but integration.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "crm", "claims", "payments", "documents", "ordering", "pricing", "catalog", "customers", "platform", "shared" })
package io.b2bportal.analytics;

import org.springframework.modulith.ApplicationModule;
