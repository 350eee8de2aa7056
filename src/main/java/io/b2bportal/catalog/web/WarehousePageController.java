package io.b2bportal.catalog.web;

import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.catalog.web.CatalogStructureController.WarehouseForm;
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

/** Adding and changing a warehouse: code (as stock imports name it), name, address, place in stock tables. */
@Controller
class WarehousePageController {

    private final CatalogStructure structure;

    WarehousePageController(CatalogStructure structure) {
        this.structure = structure;
    }

    @GetMapping("/admin/catalog/warehouses/new")
    String blankForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new WarehouseForm("", "", "", null));
        }
        model.addAttribute("warehouseId", null);
        return "catalog/admin-warehouse";
    }

    @PostMapping("/admin/catalog/warehouses/new")
    String create(@AuthenticationPrincipal PortalUser staff, @Valid @ModelAttribute("form") WarehouseForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                structure.createWarehouse(staff, form.code(), form.name().strip(), blank(form.address()),
                        form.position());
                redirect.addFlashAttribute("changed", form.name().strip());
                return "redirect:/admin/catalog";
            } catch (DomainException e) {
                rejectCode(e, errors);
            }
        }
        return blankForm(model);
    }

    @GetMapping("/admin/catalog/warehouses/{id}")
    String edit(@PathVariable long id, Model model) {
        var warehouse = structure.warehouse(id).orElseThrow(() -> DomainException.notFound("warehouse", id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new WarehouseForm(warehouse.code(), warehouse.name(),
                    warehouse.address() == null ? "" : warehouse.address(), warehouse.position()));
        }
        model.addAttribute("warehouseId", id);
        return "catalog/admin-warehouse";
    }

    @PostMapping("/admin/catalog/warehouses/{id}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @ModelAttribute("form") WarehouseForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.position() == null) {
            errors.rejectValue("position", "NotNull");
        }
        if (!errors.hasErrors()) {
            try {
                structure.updateWarehouse(staff, id, form.code(), form.name().strip(), blank(form.address()),
                        form.position());
                redirect.addFlashAttribute("changed", form.name().strip());
                return "redirect:/admin/catalog";
            } catch (DomainException e) {
                rejectCode(e, errors);
            }
        }
        return edit(id, model);
    }

    private static void rejectCode(DomainException e, BindingResult errors) {
        if (e.status() != 409) {
            throw e;
        }
        errors.rejectValue("code", e.messageKey(), e.arguments(), e.messageKey());
    }
}
