/**
 * Ordering: carts, bulk entry, checkout, approvals, orders and their lifecycle, shipments, standing
 * orders. Publishes OrderPlaced, OrderConfirmed, ShipmentDispatched, OrderCancelled. May use: pricing, catalog,
 * customers, platform, shared.
 */
@ApplicationModule(displayName = "Ordering",
        allowedDependencies = { "pricing", "catalog", "customers", "platform", "platform::imports", "shared" })
package io.b2bportal.ordering;

import org.springframework.modulith.ApplicationModule;
