package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.CatalogExports;
import io.b2bportal.catalog.importing.CatalogImports;
import io.b2bportal.catalog.importing.CatalogImports.BatchRejected;
import io.b2bportal.catalog.importing.CatalogImports.BatchResult;
import io.b2bportal.catalog.importing.ImportKind;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk catalog changes for staff tools and the seller's ERP: file imports as jobs, exports, JSON batch upserts. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: catalog import/export", description = "Products and stock in bulk (catalog managers, administrators)")
class ImportsAdminApiController {

    private final CatalogImports imports;
    private final CatalogExports exports;
    private final ImportReports messages;

    ImportsAdminApiController(CatalogImports imports, CatalogExports exports, ImportReports messages) {
        this.imports = imports;
        this.exports = exports;
        this.messages = messages;
    }

    /** A job with its progress, the reason of a whole-file failure and the per-row report. */
    record JobReport(CatalogImportJob job, int percent, String failure, List<CatalogImportJob.RowView> rows) {
    }

    @PostMapping(path = "/catalog/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV or XLSX file of products or stock; it is checked (dryRun=true) or checked and "
            + "applied in the background: poll the job")
    ResponseEntity<JobReport> upload(@AuthenticationPrincipal PortalUser user, @RequestParam ImportKind kind,
            @RequestPart MultipartFile file, @RequestParam(defaultValue = "true") boolean dryRun) throws IOException {
        long id = imports.submit(user, kind, file.getOriginalFilename(), file.getBytes(), dryRun);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/catalog/imports/" + id))
                .body(report(imports.job(user, id)));
    }

    @GetMapping("/catalog/imports")
    @Operation(summary = "Recent import jobs, newest first")
    List<CatalogImportJob> recent(@AuthenticationPrincipal PortalUser user) {
        return imports.recent(user, 50).stream().map(CatalogImportJob::of).toList();
    }

    @GetMapping("/catalog/imports/{id}")
    @Operation(summary = "An import job: status, progress, counts and the per-row report (errors with reasons)")
    JobReport job(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return report(imports.job(user, id));
    }

    @PostMapping("/catalog/imports/{id}/apply")
    @Operation(summary = "Apply a validated dry run: the file is checked again and written in one transaction")
    ResponseEntity<JobReport> apply(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        imports.apply(user, id);
        return ResponseEntity.accepted().body(report(imports.job(user, id)));
    }

    @GetMapping("/catalog/exports/{what}")
    @Operation(summary = "Export products or stock as CSV (UTF-8 with BOM, ';', decimal comma) or XLSX")
    void export(@AuthenticationPrincipal PortalUser user, @PathVariable String what,
            @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        CatalogImports.requireCatalogManager(user);
        Exports.write(exports, what, format, response);
    }

    @PutMapping("/products")
    @Operation(summary = "Create or update up to 10,000 products by SKU, all or nothing; keys are the import columns")
    BatchResult products(@AuthenticationPrincipal PortalUser user, @RequestBody List<Map<String, Object>> items) {
        return imports.upsert(user, ImportKind.PRODUCTS, items);
    }

    @PutMapping("/stock")
    @Operation(summary = "Set stock of up to 10,000 SKU/warehouse pairs, all or nothing")
    BatchResult stock(@AuthenticationPrincipal PortalUser user, @RequestBody List<Map<String, Object>> items) {
        return imports.upsert(user, ImportKind.STOCK, items);
    }

    @ExceptionHandler(BatchRejected.class)
    ResponseEntity<ProblemDetail> rejected(BatchRejected e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("https://b2bportal.io/problems/catalog-batch-invalid"));
        problem.setTitle(messages.text("catalog.import.batch.invalid.title", List.of(), locale));
        problem.setDetail(messages.text("catalog.import.batch.invalid.detail", List.of(String.valueOf(e.errorCount())),
                locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", e.errors().stream()
                .map(issue -> Map.of("index", issue.row() - 1, "sku", String.valueOf(issue.subject()),
                        "message", messages.message(issue, locale)))
                .toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private JobReport report(ImportJob job) {
        Locale locale = LocaleContextHolder.getLocale();
        return new JobReport(CatalogImportJob.of(job), job.percent(), messages.failure(job, locale),
                CatalogImportJob.RowView.of(imports.rows(job), messages, locale));
    }
}
