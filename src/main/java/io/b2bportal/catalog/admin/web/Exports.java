package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.CatalogExports;
import io.b2bportal.platform.imports.TableWriter;
import io.b2bportal.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;

/** Writes an export to the response with its file name, for the page and the API alike. */
final class Exports {

    private Exports() {
    }

    static void write(CatalogExports exports, String what, String format, HttpServletResponse response)
            throws IOException {
        TableWriter.Format chosen = TableWriter.Format.parse(format);
        if (!what.equals("products") && !what.equals("stock")) {
            throw DomainException.notFound("export", what);
        }
        String name = what + "-" + LocalDate.now() + "." + chosen.extension();
        response.setContentType(chosen.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (what.equals("products")) {
            exports.products(chosen, response.getOutputStream());
        } else {
            exports.stock(chosen, response.getOutputStream());
        }
        response.flushBuffer();
    }
}
