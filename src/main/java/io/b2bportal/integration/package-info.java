/**
 * Integration: 1C CommerceML exchange, EDIFACT/X12, cXML and OCI punchout, webhooks. Nothing depends
 * on it. May use: every module but analytics.
 */
@ApplicationModule(displayName = "Integration", allowedDependencies = { "crm", "claims", "payments", "documents", "ordering", "pricing", "catalog", "customers", "platform", "shared" })
package io.b2bportal.integration;

import org.springframework.modulith.ApplicationModule;
