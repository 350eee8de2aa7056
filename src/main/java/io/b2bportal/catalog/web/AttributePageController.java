package io.b2bportal.catalog.web;

import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.catalog.web.CatalogStructureController.AttributeForm;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import jakarta.validation.Valid;
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

/** Adding and changing a typed attribute; categories take it into their set on the category page. */
@Controller
class AttributePageController {

    private final CatalogStructure structure;

    AttributePageController(CatalogStructure structure) {
        this.structure = structure;
    }

    @GetMapping("/admin/catalog/attributes/new")
    String blankForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AttributeForm("", "", "", "ENUM", "", true, null));
        }
        model.addAttribute("attributeId", null);
        return "catalog/admin-attribute";
    }

    @PostMapping("/admin/catalog/attributes/new")
    String create(@AuthenticationPrincipal PortalUser staff, @Valid @ModelAttribute("form") AttributeForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                structure.createAttribute(staff, form.code(), form.name().strip(), blank(form.nameEn()), form.type(),
                        blank(form.unit()), Boolean.TRUE.equals(form.filterable()), form.position());
                redirect.addFlashAttribute("changed", form.name().strip());
                return "redirect:/admin/catalog";
            } catch (DomainException e) {
                reject(e, "code", errors);
            }
        }
        return blankForm(model);
    }

    @GetMapping("/admin/catalog/attributes/{id}")
    String edit(@PathVariable long id, Model model) {
        var attribute = structure.attribute(id).orElseThrow(() -> DomainException.notFound("attribute", id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AttributeForm(attribute.code(), attribute.name(),
                    attribute.nameEn() == null ? "" : attribute.nameEn(), attribute.type(),
                    attribute.unit() == null ? "" : attribute.unit(), attribute.filterable(), attribute.position()));
        }
        model.addAttribute("attributeId", id);
        return "catalog/admin-attribute";
    }

    @PostMapping("/admin/catalog/attributes/{id}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @ModelAttribute("form") AttributeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.position() == null) {
            errors.rejectValue("position", "NotNull");
        }
        if (!errors.hasErrors()) {
            try {
                structure.updateAttribute(staff, id, form.name().strip(), blank(form.nameEn()), form.type(),
                        blank(form.unit()), Boolean.TRUE.equals(form.filterable()), form.position());
                redirect.addFlashAttribute("changed", form.name().strip());
                return "redirect:/admin/catalog";
            } catch (DomainException e) {
                reject(e, "type", errors);
            }
        }
        return edit(id, model);
    }

    private static void reject(DomainException e, String field, BindingResult errors) {
        if (e.status() != 409) {
            throw e;
        }
        errors.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
    }
}
