package io.b2bportal.platform;

import java.util.Map;

/**
 * A module's part of {@code GET /api/v1/me}: the customers module adds the caller's company and legal entities,
 * for example, without the platform knowing about them.
 */
public interface MeDetails {

    /** Extra top-level properties of the caller's {@code /api/v1/me}; empty when the module has none for them. */
    Map<String, Object> describe(PortalUser user);
}
