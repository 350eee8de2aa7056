package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.AdminProduct;
import io.b2bportal.catalog.admin.AdminProduct.FileEntry;
import io.b2bportal.catalog.admin.AdminProducts;
import io.b2bportal.catalog.admin.CatalogManager;
import io.b2bportal.catalog.admin.ProductFiles;
import io.b2bportal.catalog.admin.ProductRelations;
import io.b2bportal.catalog.admin.ProductRejected;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * One product at a time for staff tools: the seller's full view (purchase cost, relations, stock everywhere), the
 * product table, analogs and related products, files. Bulk changes of fields and stock are the batch endpoints'.
 */
@RestController
@Tag(name = "Admin: products", description = "The seller's view of products, relations and files (catalog managers, "
        + "administrators)")
class ProductsAdminApiController {

    private final AdminProducts products;
    private final ProductRelations relations;
    private final ProductFiles files;
    private final MessageSource messages;

    ProductsAdminApiController(AdminProducts products, ProductRelations relations, ProductFiles files,
            MessageSource messages) {
        this.products = products;
        this.relations = relations;
        this.files = files;
        this.messages = messages;
    }

    /** Analogs and related products by SKU; a list left out (null) stays as it is. */
    record Relations(List<String> analogs, List<String> related) {
    }

    @GetMapping("/api/v1/admin/products")
    @Operation(summary = "The product table: q (as the buyer's search reads it), category (subtree), "
            + "status=ACTIVE|DISCONTINUED, sort=sku|name|brand|category|status|stock|updated, dir=asc|desc, page, "
            + "size=50|100|200")
    AdminProducts.Page list(@AuthenticationPrincipal PortalUser staff, @RequestParam MultiValueMap<String, String> params) {
        CatalogManager.require(staff);
        return products.page(ProductsAdminPageController.query(params));
    }

    @GetMapping("/api/v1/admin/products/{sku}")
    @Operation(summary = "One product as the seller keeps it: every field incl. purchase cost, typed attributes, "
            + "analogs and related products, files, stock at every warehouse, and its version")
    AdminProduct product(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku) {
        CatalogManager.require(staff);
        return products.find(sku).orElseThrow(() -> DomainException.notFound("product", sku));
    }

    @PutMapping("/api/v1/admin/products/{sku}/relations")
    @Operation(summary = "Replace the analogs (kept both ways) and related products; all SKUs must exist and differ "
            + "from the product, else nothing changes (422 with an error per SKU)")
    AdminProduct relations(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @RequestBody Relations body) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (body.analogs() != null) {
            lists.put("ANALOG", body.analogs());
        }
        if (body.related() != null) {
            lists.put("RELATED", body.related());
        }
        relations.replaceRelations(staff, sku, lists);
        return product(staff, sku);
    }

    @PostMapping(path = "/api/v1/admin/products/{sku}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file: kind=IMAGE (JPEG, PNG) | DATASHEET | CERTIFICATE (PDF, JPEG, PNG), title; "
            + "the type is read from the bytes")
    ResponseEntity<FileEntry> addFile(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @RequestParam String kind, @RequestParam(required = false) String title, @RequestPart MultipartFile file)
            throws IOException {
        long id = files.addFile(staff, sku, kind, title, file.getOriginalFilename(), file.getBytes());
        FileEntry entry = product(staff, sku).files().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/admin/products/" + sku + "/files/" + id)).body(entry);
    }

    @DeleteMapping("/api/v1/admin/products/{sku}/files/{id}")
    @Operation(summary = "Detach a file from the product")
    ResponseEntity<Void> removeFile(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @PathVariable long id) {
        files.removeFile(staff, sku, id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ProductRejected.class)
    ResponseEntity<ProblemDetail> rejected(ProductRejected e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("https://b2bportal.io/problems/" + e.code()));
        problem.setTitle(messages.getMessage("catalog.admin.invalid.title", null, locale));
        problem.setDetail(messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", e.rejections().stream()
                .map(r -> Map.of("field", String.valueOf(r.field()),
                        "message", messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(), locale)))
                .toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
