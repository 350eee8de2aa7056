/**
 * Platform: what every page and API call stands on. Owns user accounts and roles, authentication (form
 * login, HTTP Basic, API keys), login throttling, the layout and error pages, i18n (ru/en) and locale-aware
 * formatting, the embedded PostgreSQL server, request ids and the demo-data orchestration. It also offers
 * services to every module: {@link io.b2bportal.platform.PlatformApi} (accounts),
 * {@link io.b2bportal.platform.Mailer} (e-mail through an outbox, sent over SMTP after commit or kept for
 * administrators to read), {@link io.b2bportal.platform.BlobStore} (immutable, content-addressed files: PDF,
 * JPEG, PNG) and {@link io.b2bportal.platform.PdfRenderer} (PDF documents from templates). Other modules
 * contribute demo data through
 * {@link io.b2bportal.platform.DemoData} so that the platform never depends on them. May use: shared.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package io.b2bportal.platform;

import org.springframework.modulith.ApplicationModule;
