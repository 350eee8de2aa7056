package io.b2bportal.catalog.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.shared.DomainException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product images and documents by SHA-256, for pages and the API alike. The content never changes for a hash, so
 * browsers may cache it for good; only files of products the caller may see are served.
 */
@RestController
class ProductFileController {

    private final CatalogApi catalog;

    ProductFileController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GetMapping({"/catalog/files/{sha256}", "/api/v1/products/files/{sha256}"})
    ResponseEntity<byte[]> file(@PathVariable String sha256) {
        var file = catalog.file(sha256).orElseThrow(() -> DomainException.notFound("file", sha256));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
