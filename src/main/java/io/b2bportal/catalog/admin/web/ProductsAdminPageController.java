package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.AdminProductQuery;
import io.b2bportal.catalog.admin.AdminProducts;
import io.b2bportal.catalog.admin.ProductEditor;
import io.b2bportal.catalog.admin.ProductRejected;
import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The catalog manager's products: the dense table (search, filters, sort by any column, pages) and a product's own
 * fields, new or existing, with post-redirect-get. Relations, files and stock are {@link ProductPartsPageController}'s.
 */
@Controller
class ProductsAdminPageController {

    private final AdminProducts products;
    private final ProductEditor editor;
    private final ProductEditPage page;
    private final CatalogStructure structure;

    ProductsAdminPageController(AdminProducts products, ProductEditor editor, ProductEditPage page,
            CatalogStructure structure) {
        this.products = products;
        this.editor = editor;
        this.page = page;
        this.structure = structure;
    }

    static AdminProductQuery query(MultiValueMap<String, String> params) {
        return new AdminProductQuery(params.getFirst("q"), number(params.getFirst("category")),
                params.getFirst("status"), params.getFirst("sort"), "desc".equals(params.getFirst("dir")),
                number(params.getFirst("page"), 0), number(params.getFirst("size"), 50));
    }

    @GetMapping("/admin/catalog/products")
    String list(@RequestParam MultiValueMap<String, String> params, Model model) {
        AdminProductQuery query = query(params);
        model.addAttribute("query", query);
        model.addAttribute("result", products.page(query));
        model.addAttribute("categories", structure.categories());
        model.addAttribute("pageSizes", AdminProductQuery.PAGE_SIZES);
        model.addAttribute("urls", new AdminProductUrls(params));
        return "catalog/admin-products";
    }

    @GetMapping("/admin/catalog/products/new")
    String blank(@RequestParam(required = false) Long category, Model model) {
        return page.fresh(category, model);
    }

    @PostMapping("/admin/catalog/products/new")
    String create(@AuthenticationPrincipal PortalUser staff, @Valid @ModelAttribute("productForm") ProductForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        form.validate(errors);
        if (!errors.hasErrors()) {
            try {
                String sku = editor.create(staff, form.change());
                redirect.addFlashAttribute("saved", "created");
                return "redirect:" + editUrl(sku);
            } catch (ProductRejected e) {
                Rejections.into(errors, e);
            }
        } else {
            Rejections.into(errors, editor.review(null, form.change()));
        }
        return page.fresh(form.category(), model);
    }

    @GetMapping("/admin/catalog/products/{sku}")
    String edit(@PathVariable String sku, Model model) {
        return page.existing(page.product(sku), model);
    }

    @PostMapping("/admin/catalog/products/{sku}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable String sku,
            @Valid @ModelAttribute("productForm") ProductForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.validate(errors);
        if (!errors.hasErrors()) {
            try {
                boolean changed = editor.update(staff, sku, form.version(), form.change());
                redirect.addFlashAttribute("saved", changed ? "updated" : "unchanged");
                return "redirect:" + editUrl(sku);
            } catch (ProductRejected e) {
                Rejections.into(errors, e);
            } catch (DomainException e) {
                if (e.status() != 409) {
                    throw e;
                }
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        } else {
            Rejections.into(errors, editor.review(sku, form.change()));
        }
        return page.existing(page.product(sku), model);
    }

    /** The attribute inputs for another category, while the edit page is open (htmx, on changing the category). */
    @GetMapping("/admin/catalog/attribute-inputs")
    String attributeInputs(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String sku,
            @RequestParam Map<String, String> params, Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("attributes[") && name.endsWith("]")) {
                typed.put(name.substring("attributes[".length(), name.length() - 1), value);
            }
        });
        return page.slots(categoryId, sku, typed, model);
    }

    static String editUrl(String sku) {
        return "/admin/catalog/products/" + UriUtils.encodePathSegment(sku, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int number(String value, int fallback) {
        Long parsed = number(value);
        return parsed == null || parsed < 0 || parsed > Integer.MAX_VALUE ? fallback : parsed.intValue();
    }
}
