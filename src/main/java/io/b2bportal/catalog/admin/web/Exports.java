package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.CatalogExports;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

/** Writes an export to the response with its file name, for the page and the API alike. */
final class Exports {

    private Exports() {
    }

    static void write(CatalogExports exports, String what, String format, HttpServletResponse response)
            throws IOException {
        CatalogExports.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> CatalogExports.Format.CSV;
            case "xlsx" -> CatalogExports.Format.XLSX;
            default -> throw DomainException.invalid("export-format", "catalog.import.export.format", format);
        };
        if (!what.equals("products") && !what.equals("stock")) {
            throw DomainException.notFound("export", what);
        }
        String name = what + "-" + LocalDate.now() + "." + chosen.name().toLowerCase(Locale.ROOT);
        response.setContentType(chosen == CatalogExports.Format.CSV ? "text/csv; charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (what.equals("products")) {
            exports.products(chosen, response.getOutputStream());
        } else {
            exports.stock(chosen, response.getOutputStream());
        }
        response.flushBuffer();
    }
}
