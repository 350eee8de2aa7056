package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.CatalogExports;
import io.b2bportal.catalog.importing.CatalogImports;
import io.b2bportal.catalog.importing.ImportKind;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportReports;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's import page: upload a file for a dry run, watch the job (htmx polls the panel every second while it
 * runs), read the per-row report, apply; the recent jobs to come back to; export links.
 */
@Controller
class ImportsAdminPageController {

    static final String BASE = "/admin/catalog/imports";
    private static final ImportReports.Columns COLUMNS = new ImportReports.Columns(null, "catalog.import.sku", null,
            null, null);

    private final CatalogImports imports;
    private final CatalogExports exports;
    private final ImportReports messages;

    ImportsAdminPageController(CatalogImports imports, CatalogExports exports, ImportReports messages) {
        this.imports = imports;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/admin/catalog/imports")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("jobs", imports.recent(user, 30));
        model.addAttribute("kinds", ImportKind.values());
        return "catalog/admin-imports";
    }

    @PostMapping("/admin/catalog/imports")
    String upload(@AuthenticationPrincipal PortalUser user, @RequestParam ImportKind kind,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
            Locale locale, RedirectAttributes redirect) throws IOException {
        CatalogImports.requireCatalogManager(user);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", messages.text("imports.file.empty", java.util.List.of(), locale));
            return "redirect:/admin/catalog/imports";
        }
        try {
            long id = imports.submit(user, kind, file.getOriginalFilename(), file.getBytes(), dryRun);
            return "redirect:/admin/catalog/imports/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("uploadError", messages.text(e.messageKey(),
                    Arrays.stream(e.arguments()).map(String::valueOf).toList(), locale));
            return "redirect:/admin/catalog/imports";
        }
    }

    @GetMapping("/admin/catalog/imports/{id}")
    String job(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Locale locale, Model model) {
        panel(user, id, locale, model);
        return "catalog/admin-import";
    }

    /** The part of the job page that htmx polls while the job runs. */
    @GetMapping("/admin/catalog/imports/{id}/panel")
    String panel(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Locale locale, Model model) {
        ImportJob job = imports.job(user, id);
        model.addAttribute("panel", messages.panel(BASE, job, COLUMNS, locale));
        return "platform/imports :: panel";
    }

    @PostMapping("/admin/catalog/imports/{id}/apply")
    String apply(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        imports.apply(user, id);
        return "redirect:/admin/catalog/imports/" + id;
    }

    @GetMapping("/admin/catalog/exports/{what}")
    void export(@AuthenticationPrincipal PortalUser user, @PathVariable String what,
            @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        CatalogImports.requireCatalogManager(user);
        Exports.write(exports, what, format, response);
    }
}
