/**
 * Catalog: categories, products (SKU, attributes, files), warehouses and stock, segment assortments,
 * search and bulk import/export. May use: platform, shared.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = { "platform", "shared" })
package io.b2bportal.catalog;

import org.springframework.modulith.ApplicationModule;
