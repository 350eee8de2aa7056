/**
 * CRM: the client timeline, contacts with decision-making-unit roles, leads, deals and pipelines,
 * activities and reminders, automatic tasks and rules, satisfaction surveys. Reacts to the other modules'
 * events. May use: customers, ordering, documents, payments, claims, platform, shared.
 */
@ApplicationModule(displayName = "CRM", allowedDependencies = { "customers", "ordering", "documents", "payments", "claims", "platform", "platform::imports", "shared" })
package io.b2bportal.crm;

import org.springframework.modulith.ApplicationModule;
