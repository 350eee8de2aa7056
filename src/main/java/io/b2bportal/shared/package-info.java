/**
 * Shared kernel, small and open to every module: {@link io.b2bportal.shared.Money} (decimal amount plus currency),
 * the domain exception that the web layer turns into a Problem Details response, and other value types that
 * several modules need to agree on. It depends on nothing else in the portal.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package io.b2bportal.shared;

import org.springframework.modulith.ApplicationModule;
