package io.b2bportal.catalog.web;

import io.b2bportal.catalog.structure.CatalogStructure;
import io.b2bportal.catalog.structure.CatalogStructure.AttributeDetail;
import io.b2bportal.catalog.structure.CatalogStructure.AttributeView;
import io.b2bportal.catalog.structure.CatalogStructure.CategoryView;
import io.b2bportal.catalog.structure.CatalogStructure.WarehouseDetail;
import io.b2bportal.catalog.structure.CatalogStructure.WarehouseView;
import io.b2bportal.catalog.web.CatalogStructureController.AttributeForm;
import io.b2bportal.catalog.web.CatalogStructureController.CategoryForm;
import io.b2bportal.catalog.web.CatalogStructureController.WarehouseForm;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static io.b2bportal.catalog.web.CatalogStructureController.blank;

@RestController
@Tag(name = "Admin: catalog structure", description = "Categories, attribute sets and warehouses (seller staff)")
class CatalogStructureApiController {

    private final CatalogStructure structure;

    CatalogStructureApiController(CatalogStructure structure) {
        this.structure = structure;
    }

    @GetMapping("/api/v1/admin/categories")
    @Operation(summary = "The category tree with product counts and each category's attribute codes")
    List<CategoryView> categories() {
        return structure.categories();
    }

    @PostMapping("/api/v1/admin/categories")
    @Operation(summary = "Add a category (catalog managers, administrators)")
    ResponseEntity<CategoryView> addCategory(@AuthenticationPrincipal PortalUser staff,
            @Valid @RequestBody CategoryForm form) {
        long id = structure.createCategory(staff, form.parentId(), form.code(), form.name().strip(), blank(form.nameEn()),
                form.attributes() == null ? List.of() : form.attributes());
        return ResponseEntity.status(201).body(structure.categories().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow());
    }

    @PutMapping("/api/v1/admin/categories/{id}")
    @Operation(summary = "Rename a category and replace the attributes it adds to its set; the parent stays "
            + "(catalog managers, administrators)")
    CategoryView updateCategory(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody CategoryForm form) {
        structure.updateCategory(staff, id, form.code(), form.name().strip(), blank(form.nameEn()),
                form.attributes() == null ? List.of() : form.attributes());
        return structure.categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @GetMapping("/api/v1/admin/attributes")
    @Operation(summary = "Typed product attributes and how many categories use each")
    List<AttributeView> attributes() {
        return structure.attributes();
    }

    @PostMapping("/api/v1/admin/attributes")
    @Operation(summary = "Add an attribute (catalog managers, administrators)")
    ResponseEntity<AttributeView> addAttribute(@AuthenticationPrincipal PortalUser staff,
            @Valid @RequestBody AttributeForm form) {
        long id = structure.createAttribute(staff, form.code(), form.name().strip(), blank(form.nameEn()), form.type(),
                blank(form.unit()), form.filterable() == null || form.filterable(), form.position());
        return ResponseEntity.status(201).body(structure.attributes().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow());
    }

    @PutMapping("/api/v1/admin/attributes/{id}")
    @Operation(summary = "Change an attribute (its code stays; its type only between TEXT and ENUM while products "
            + "have values) (catalog managers, administrators)")
    AttributeView updateAttribute(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody AttributeForm form) {
        AttributeDetail current = structure.attribute(id).orElseThrow(() -> DomainException.notFound("attribute", id));
        structure.updateAttribute(staff, id, form.name().strip(), blank(form.nameEn()), form.type(), blank(form.unit()),
                form.filterable() == null ? current.filterable() : form.filterable(),
                form.position() == null ? current.position() : form.position());
        return structure.attributes().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @GetMapping("/api/v1/admin/warehouses")
    @Operation(summary = "Warehouses with stock totals")
    List<WarehouseView> warehouses() {
        return structure.warehouses();
    }

    @PostMapping("/api/v1/admin/warehouses")
    @Operation(summary = "Add a warehouse (catalog managers, administrators)")
    ResponseEntity<WarehouseView> addWarehouse(@AuthenticationPrincipal PortalUser staff,
            @Valid @RequestBody WarehouseForm form) {
        long id = structure.createWarehouse(staff, form.code(), form.name().strip(), blank(form.address()),
                form.position());
        return ResponseEntity.status(201).body(structure.warehouses().stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow());
    }

    @PutMapping("/api/v1/admin/warehouses/{id}")
    @Operation(summary = "Change a warehouse: code, name, address, position (catalog managers, administrators)")
    WarehouseView updateWarehouse(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @Valid @RequestBody WarehouseForm form) {
        WarehouseDetail current = structure.warehouse(id).orElseThrow(() -> DomainException.notFound("warehouse", id));
        structure.updateWarehouse(staff, id, form.code(), form.name().strip(), blank(form.address()),
                form.position() == null ? current.position() : form.position());
        return structure.warehouses().stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }
}
