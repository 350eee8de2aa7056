package io.b2bportal.pricing.importing.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.imports.ImportJob;
import io.b2bportal.platform.imports.ImportReports;
import io.b2bportal.platform.imports.TableWriter;
import io.b2bportal.pricing.importing.PriceImports;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
 * Price list imports: upload a file for a list (a dry run by default), watch the job (htmx polls the shared panel
 * every second while it runs), read the diff of old and new prices, apply; the recent jobs; export links.
 */
@Controller
class PriceImportsPageController {

    static final String BASE = "/admin/pricing/imports";
    static final ImportReports.Columns COLUMNS = new ImportReports.Columns("pricing.import.column.list",
            "pricing.import.column.sku", "pricing.import.column.minQty", "pricing.import.column.oldPrice",
            "pricing.import.column.newPrice");

    private final PriceImports imports;
    private final ImportReports reports;

    PriceImportsPageController(PriceImports imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("lists", imports.priceLists(user));
        model.addAttribute("jobs", imports.recent(user, 30));
        return "pricing/admin-imports";
    }

    @PostMapping(BASE)
    String upload(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String priceList,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean decimalComma,
            @RequestParam(defaultValue = "false") boolean removeMissing, Locale locale, RedirectAttributes redirect)
            throws IOException {
        PriceImports.requirePricingManager(user);
        redirect.addFlashAttribute("chosenList", priceList);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", reports.text("imports.file.empty", List.of(), locale));
            return "redirect:" + BASE;
        }
        try {
            long id = imports.submit(user, file.getOriginalFilename(), file.getBytes(), dryRun,
                    new PriceImports.Options(blankToNull(priceList), decimalComma, removeMissing));
            return "redirect:" + BASE + "/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("uploadError", reports.text(e.messageKey(),
                    Arrays.stream(e.arguments()).map(String::valueOf).toList(), locale));
            return "redirect:" + BASE;
        }
    }

    @GetMapping(BASE + "/{id}")
    String job(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Locale locale, Model model) {
        panel(user, id, locale, model);
        return "pricing/admin-import";
    }

    /** The part of the job page that htmx polls while the job runs. */
    @GetMapping(BASE + "/{id}/panel")
    String panel(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Locale locale, Model model) {
        ImportJob job = imports.job(user, id);
        model.addAttribute("panel", reports.panel(BASE, job, COLUMNS, locale));
        return "platform/imports :: panel";
    }

    @PostMapping(BASE + "/{id}/apply")
    String apply(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        imports.apply(user, id);
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping("/admin/pricing/exports/{code}")
    void export(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
            @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        write(imports, user, code, format, response);
    }

    /** Sends a list as a file named after it, for the page and the API alike. */
    static void write(PriceImports imports, PortalUser user, String code, String format, HttpServletResponse response)
            throws IOException {
        TableWriter.Format chosen = TableWriter.Format.parse(format);
        PriceImports.requirePricingManager(user);
        imports.priceList(code).orElseThrow(() -> DomainException.notFound("price list", code));
        response.setContentType(chosen.contentType());
        response.setHeader("Content-Disposition",
                "attachment; filename=\"prices-" + code + "-" + LocalDate.now() + "." + chosen.extension() + "\"");
        imports.export(user, code, chosen, response.getOutputStream());
        response.flushBuffer();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
