package io.b2bportal.catalog.web;

import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.catalog.web.CatalogStructureController.CategoryForm;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static io.b2bportal.catalog.web.CatalogStructureController.blank;

/** A category's names and the attributes it adds to its set (attach and detach); inherited ones are shown. */
@Controller
class CategoryPageController {

    private final CatalogStructure structure;

    CategoryPageController(CatalogStructure structure) {
        this.structure = structure;
    }

    @GetMapping("/admin/catalog/categories/{id}")
    String edit(@PathVariable long id, Model model) {
        var category = structure.category(id).orElseThrow(() -> DomainException.notFound("category", id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CategoryForm(category.parentId(), category.code(), category.name(),
                    category.nameEn() == null ? "" : category.nameEn(), category.own()));
        }
        model.addAttribute("category", category);
        model.addAttribute("attributes", structure.attributes());
        model.addAttribute("parent", category.parentId() == null ? null
                : structure.category(category.parentId()).orElse(null));
        return "catalog/admin-category";
    }

    @PostMapping("/admin/catalog/categories/{id}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @ModelAttribute("form") CategoryForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                structure.updateCategory(staff, id, form.code(), form.name().strip(), blank(form.nameEn()),
                        form.attributes() == null ? List.of() : form.attributes());
                redirect.addFlashAttribute("changed", form.name().strip());
                return "redirect:/admin/catalog/categories/" + id;
            } catch (DomainException e) {
                if (e.status() == 403 || e.status() == 404) {
                    throw e;
                }
                errors.rejectValue(e.status() == 409 ? "code" : "attributes", e.messageKey(), e.arguments(),
                        e.messageKey());
            }
        }
        return edit(id, model);
    }
}
