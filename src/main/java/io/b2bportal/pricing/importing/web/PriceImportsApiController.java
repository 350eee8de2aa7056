package io.b2bportal.pricing.importing.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportReports;
import io.b2bportal.platform.imports.ImportRowResult;
import io.b2bportal.pricing.importing.PriceImports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Price lists in bulk for staff tools and the seller's ERP: file imports as jobs with a diff, and exports. */
@RestController
@RequestMapping("/api/v1/admin/pricing")
@Tag(name = "Admin: price list import/export",
        description = "Price lists in bulk (administrators, sales head, catalog and pricing managers)")
class PriceImportsApiController {

    private final PriceImports imports;
    private final ImportReports reports;

    PriceImportsApiController(PriceImports imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    /**
     * One line of a job's report: an error with its reason, or a price the import creates, changes (old → new),
     * leaves unchanged or removes. {@code row} is null for a removed price (it is not in the file).
     */
    record PriceChange(Integer row, String outcome, String priceList, String sku, BigDecimal minQty,
            BigDecimal oldPrice, BigDecimal newPrice, String message) {
    }

    /** A job with its progress, the reason of a whole-file failure and the report (errors, then the diff). */
    record JobReport(ImportJob job, int percent, String failure, List<PriceChange> rows) {
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV or XLSX price file (sku, price, optional min_qty, price_list and name); it is "
            + "checked (dryRun=true, the default) or checked and applied in the background: poll the job. priceList: "
            + "the list for rows without a price_list cell; decimalComma: the file writes 1234,50; removeMissing: "
            + "SKUs of the list that the file lacks lose their prices")
    ResponseEntity<JobReport> upload(@AuthenticationPrincipal PortalUser user, @RequestPart MultipartFile file,
            @RequestParam(required = false) String priceList, @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean decimalComma,
            @RequestParam(defaultValue = "false") boolean removeMissing) throws IOException {
        long id = imports.submit(user, file.getOriginalFilename(), file.getBytes(), dryRun,
                new PriceImports.Options(priceList, decimalComma, removeMissing));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/pricing/imports/" + id))
                .body(report(imports.job(user, id)));
    }

    @GetMapping("/imports")
    @Operation(summary = "Recent price imports, newest first")
    List<ImportJob> recent(@AuthenticationPrincipal PortalUser user) {
        return imports.recent(user, 50);
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "A price import: status, progress, counts, errors with reasons and the diff of old and new "
            + "prices (the largest changes first)")
    JobReport job(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return report(imports.job(user, id));
    }

    @PostMapping("/imports/{id}/apply")
    @Operation(summary = "Apply a checked dry run: the file is checked again and written in one transaction")
    ResponseEntity<JobReport> apply(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        imports.apply(user, id);
        return ResponseEntity.accepted().body(report(imports.job(user, id)));
    }

    @GetMapping("/price-lists/{code}/export")
    @Operation(summary = "Export a price list as CSV (UTF-8 with BOM, ';', decimal comma: import it back with "
            + "decimalComma=true) or XLSX: sku, name, min_qty, price")
    void export(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
            @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        PriceImportsPageController.write(imports, user, code, format, response);
    }

    private JobReport report(ImportJob job) {
        Locale locale = LocaleContextHolder.getLocale();
        List<PriceChange> rows = imports.rows(job).stream().map(r -> change(r, locale)).toList();
        return new JobReport(job, job.percent(), reports.failure(job, locale), rows);
    }

    private PriceChange change(ImportRowResult r, Locale locale) {
        return new PriceChange(r.row(), r.outcome(), r.scope(), r.subject(), decimal(r.detail()),
                decimal(r.oldValue()), decimal(r.newValue()), reports.message(r, locale));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
