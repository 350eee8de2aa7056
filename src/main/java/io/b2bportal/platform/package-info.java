/**
 * Platform: what every page and API call stands on. Owns user accounts and roles, authentication (form
 * login, HTTP Basic, API keys), login throttling, the layout and error pages, i18n (ru/en) and locale-aware
 * formatting, PDF rendering of document templates ({@link io.b2bportal.platform.PdfRenderer}), the embedded
 * PostgreSQL server, request ids and the demo-data orchestration. Other modules contribute demo data through
 * {@link io.b2bportal.platform.DemoData} so that the platform never depends on them. May use: shared.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package io.b2bportal.platform;

import org.springframework.modulith.ApplicationModule;
