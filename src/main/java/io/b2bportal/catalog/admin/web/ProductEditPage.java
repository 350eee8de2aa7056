package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.AdminProduct;
import io.b2bportal.catalog.admin.AdminProducts;
import io.b2bportal.catalog.admin.FilePolicy;
import io.b2bportal.catalog.admin.ProductRelations;
import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.shared.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;

/**
 * What the product edit page shows, for its first rendering and for every re-rendering with errors: the product,
 * the forms (as submitted, when they had errors), the attribute inputs of the chosen category, the categories.
 */
@Component
class ProductEditPage {

    static final String VIEW = "catalog/admin-product";
    static final List<String> FILE_KINDS = List.of("IMAGE", "DATASHEET", "CERTIFICATE");
    static final List<String> RELATION_KINDS = List.of("ANALOG", "RELATED");

    private final AdminProducts products;
    private final CatalogStructure structure;
    private final DataSize maxFileSize;

    ProductEditPage(AdminProducts products, CatalogStructure structure,
            @Value("${portal.blobs.max-size:20MB}") DataSize maxFileSize) {
        this.products = products;
        this.structure = structure;
        this.maxFileSize = maxFileSize;
        if (!Set.copyOf(FILE_KINDS).equals(FilePolicy.KINDS) || !Set.copyOf(RELATION_KINDS)
                .equals(ProductRelations.KINDS)) {
            throw new IllegalStateException("file or relation kinds differ from the editor's");
        }
    }

    AdminProduct product(String sku) {
        return products.find(sku).orElseThrow(() -> DomainException.notFound("product", sku));
    }

    /** The page of an existing product; forms already in the model (with their errors) are kept. */
    String existing(AdminProduct product, Model model) {
        model.addAttribute("stockEntries", product.stock().stream()
                .collect(java.util.stream.Collectors.toMap(s -> String.valueOf(s.warehouseId()), s -> s)));
        model.addAttribute("product", product);
        if (!model.containsAttribute("productForm")) {
            model.addAttribute("productForm", ProductForm.of(product));
        }
        if (!model.containsAttribute("relationForm")) {
            model.addAttribute("relationForm", RelationForm.blank());
        }
        if (!model.containsAttribute("stockForm")) {
            model.addAttribute("stockForm", StockForm.of(product.stock()));
        }
        if (!model.containsAttribute("fileForm")) {
            model.addAttribute("fileForm", FileForm.blank());
        }
        return common(model, product.attributes().keySet());
    }

    /** The page of a product not saved yet: only its own fields. */
    String fresh(Long categoryId, Model model) {
        model.addAttribute("product", null);
        if (!model.containsAttribute("productForm")) {
            model.addAttribute("productForm", ProductForm.blank(categoryId));
        }
        return common(model, Set.of());
    }

    private String common(Model model, Set<String> storedCodes) {
        ProductForm form = (ProductForm) model.getAttribute("productForm");
        Set<String> codes = new LinkedHashSet<>(storedCodes);
        codes.addAll(form.attributes().keySet());
        model.addAttribute("slots", products.slots(form.category(), codes));
        model.addAttribute("categories", structure.categories());
        model.addAttribute("fileKinds", FILE_KINDS);
        model.addAttribute("relationKinds", RELATION_KINDS);
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        return VIEW;
    }

    /**
     * The attribute inputs alone, when the category changes (htmx): those of the new category's set, then any the
     * product has stored or that were typed in; what was typed is kept.
     */
    String slots(Long categoryId, String sku, java.util.Map<String, String> typed, Model model) {
        ProductForm form = ProductForm.blank(categoryId);
        form.attributes().putAll(typed);
        Set<String> codes = new LinkedHashSet<>();
        if (sku != null && !sku.isBlank()) {
            products.find(sku).ifPresent(p -> codes.addAll(p.attributes().keySet()));
        }
        typed.forEach((code, value) -> {
            if (value != null && !value.isBlank()) {
                codes.add(code);
            }
        });
        model.addAttribute("productForm", form);
        model.addAttribute("slots", products.slots(categoryId, codes));
        return VIEW + " :: attributes";
    }
}
