package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.ProductFiles;
import io.b2bportal.catalog.admin.ProductRelations;
import io.b2bportal.catalog.admin.ProductStock;
import io.b2bportal.catalog.admin.ProductRejected;
import io.b2bportal.platform.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import static io.b2bportal.catalog.admin.web.ProductsAdminPageController.editUrl;

/**
 * The parts of a product that have their own forms on its edit page: analogs and related products, stock per
 * warehouse (both answered with their section alone when htmx asks, with the whole page otherwise), and files.
 */
@Controller
class ProductPartsPageController {

    private final ProductRelations relations;
    private final ProductFiles files;
    private final ProductStock stock;
    private final ProductEditPage page;
    private final DataSize maxFileSize;

    ProductPartsPageController(ProductRelations relations, ProductFiles files, ProductStock stock,
            ProductEditPage page, @Value("${portal.blobs.max-size:20MB}") DataSize maxFileSize) {
        this.relations = relations;
        this.files = files;
        this.stock = stock;
        this.page = page;
        this.maxFileSize = maxFileSize;
    }

    @PostMapping("/admin/catalog/products/{sku}/relations")
    String addRelation(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @ModelAttribute("relationForm") RelationForm form, BindingResult errors,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        try {
            relations.addRelation(staff, sku, form.kind(), form.relatedSku());
            return done(sku, "relations", "relations", htmx, model, redirect);
        } catch (ProductRejected e) {
            Rejections.into(errors, e);
        }
        return again(sku, "relations", htmx, model);
    }

    @PostMapping("/admin/catalog/products/{sku}/relations/remove")
    String removeRelation(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku, @RequestParam String kind,
            @RequestParam String relatedSku, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        relations.removeRelation(staff, sku, kind, relatedSku);
        return done(sku, "relations", "relations", htmx, model, redirect);
    }

    @PostMapping("/admin/catalog/products/{sku}/stock")
    String stock(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @ModelAttribute("stockForm") StockForm form, BindingResult errors,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        form.validate(errors);
        if (!errors.hasErrors()) {
            try {
                boolean changed = stock.setStock(staff, sku, form.lines());
                return done(sku, "stock", changed ? "stock" : "stockUnchanged", htmx, model, redirect);
            } catch (ProductRejected e) {
                Rejections.into(errors, e);
            }
        }
        return again(sku, "stock", htmx, model);
    }

    @PostMapping("/admin/catalog/products/{sku}/files")
    String addFile(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @ModelAttribute("fileForm") FileForm form, BindingResult errors, Model model, RedirectAttributes redirect)
            throws IOException {
        if (form.file() == null || form.file().isEmpty()) {
            errors.rejectValue("file", "catalog.admin.file.missing");
        } else {
            try {
                files.addFile(staff, sku, form.kind(), form.title(), form.file().getOriginalFilename(),
                        form.file().getBytes());
                return done(sku, "files", "fileAdded", null, model, redirect);
            } catch (ProductRejected e) {
                Rejections.into(errors, e);
            }
        }
        return again(sku, "files", null, model);
    }

    @PostMapping("/admin/catalog/products/{sku}/files/{id}/remove")
    String removeFile(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku, @PathVariable long id,
            Model model, RedirectAttributes redirect) {
        files.removeFile(staff, sku, id);
        return done(sku, "files", "fileRemoved", null, model, redirect);
    }

    @PostMapping("/admin/catalog/products/{sku}/files/{id}/move")
    String moveFile(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku, @PathVariable long id,
            @RequestParam int direction, Model model, RedirectAttributes redirect) {
        files.moveFile(staff, sku, id, direction);
        return done(sku, "files", "fileMoved", null, model, redirect);
    }

    /**
     * A file over the multipart limit never reaches {@link #addFile}: back to the page with the error at the file
     * field, as for a file the blob store refuses.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(FileForm.blank(), "fileForm");
        errors.rejectValue("file", "upload.too-large", new Object[] {maxFileSize.toMegabytes()}, "upload.too-large");
        RequestContextUtils.getOutputFlashMap(request).putAll(errors.getModel());
        return "redirect:" + editUrl(variables.get("sku")) + "#files";
    }

    /** After a change: the fresh section for htmx, else redirect to the page at that section. */
    private String done(String sku, String section, String saved, String htmx, Model model,
            RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute("saved", saved);
            return "redirect:" + editUrl(sku) + "#" + section;
        }
        // the section is drawn from the product as it is now, not from the form as it was sent
        String form = section.equals("stock") ? "stockForm" : "relationForm";
        model.asMap().remove(form);
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + form);
        model.addAttribute("saved", saved);
        return page.existing(page.product(sku), model) + " :: " + section;
    }

    /** After a refusal: the section (htmx) or the whole page, with the form as sent and its errors. */
    private String again(String sku, String section, String htmx, Model model) {
        String view = page.existing(page.product(sku), model);
        return htmx == null ? view : view + " :: " + section;
    }
}
