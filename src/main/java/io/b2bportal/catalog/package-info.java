/**
 * Catalog: categories, products (SKU, attributes, files), warehouses and stock, segment assortments,
 * search and bulk import/export. Applies the assortment of the acting legal entity, so it may use customers
 * (which never uses catalog). Its imports are kinds of the platform's import queue (platform::imports). May use:
 * customers, platform, shared.
 */
@ApplicationModule(displayName = "Catalog",
        allowedDependencies = { "customers", "platform", "platform::imports", "shared" })
package io.b2bportal.catalog;

import org.springframework.modulith.ApplicationModule;
