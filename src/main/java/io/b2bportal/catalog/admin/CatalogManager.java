package io.b2bportal.catalog.admin;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.Role;
import io.b2bportal.shared.DomainException;

/** Only catalog managers and administrators change products; the web filter says so too, this says it again. */
public final class CatalogManager {

    private CatalogManager() {
    }

    public static void require(PortalUser user) {
        if (user == null || !(user.has(Role.CATALOG_MANAGER) || user.has(Role.ADMIN))) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
    }
}
