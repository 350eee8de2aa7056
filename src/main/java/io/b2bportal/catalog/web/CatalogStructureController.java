package io.b2bportal.catalog.web;

import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back office's view of the catalog structure (categories, attributes, warehouses) and its API twin. */
@Controller
class CatalogStructureController {

    private final CatalogStructure structure;

    CatalogStructureController(CatalogStructure structure) {
        this.structure = structure;
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record CategoryForm(Long parentId, @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$") String code,
            @NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn, List<String> attributes) {
    }

    /** An attribute; {@code filterable} defaults to true and {@code position} to last. */
    record AttributeForm(@NotBlank @Pattern(regexp = "^[a-z][a-z0-9_]{0,63}$") String code,
            @NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
            @NotBlank @Pattern(regexp = "NUMBER|TEXT|ENUM|BOOLEAN") String type, @Size(max = 20) String unit,
            Boolean filterable, @Min(0) @Max(100_000) Integer position) {
    }

    /** A warehouse; {@code position} (its place in stock tables) defaults to last. */
    record WarehouseForm(@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,31}$") String code,
            @NotBlank @Size(max = 200) String name, @Size(max = 500) String address,
            @Min(0) @Max(100_000) Integer position) {
    }

    @GetMapping("/admin/catalog")
    String overview(Model model) {
        model.addAttribute("categories", structure.categories());
        model.addAttribute("attributes", structure.attributes());
        model.addAttribute("warehouses", structure.warehouses());
        model.addAttribute("categoryForm", new CategoryForm(null, "", "", "", List.of()));
        return "catalog/admin-structure";
    }

    @PostMapping("/admin/catalog/categories")
    String createCategory(@AuthenticationPrincipal PortalUser staff, @Valid @ModelAttribute CategoryForm form,
            BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "catalog.structure.invalid");
        } else {
            try {
                structure.createCategory(staff, form.parentId(), form.code(), form.name().strip(), blank(form.nameEn()),
                        form.attributes() == null ? List.of() : form.attributes());
                redirect.addFlashAttribute("saved", form.name().strip());
            } catch (DomainException e) {
                if (e.status() == 403) {
                    throw e;
                }
                redirect.addFlashAttribute("problem", e.messageKey());
            }
        }
        return "redirect:/admin/catalog";
    }

}
