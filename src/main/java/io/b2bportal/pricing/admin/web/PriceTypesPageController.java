package io.b2bportal.pricing.admin.web;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.Decimals;
import io.b2bportal.pricing.admin.GroupPriceTypes;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.Issues;
import io.b2bportal.pricing.admin.PriceTypes;
import io.b2bportal.pricing.admin.PriceTypes.AdjustmentKind;
import io.b2bportal.pricing.admin.PriceTypes.Definition;
import io.b2bportal.pricing.admin.PriceTypes.Kind;
import io.b2bportal.pricing.admin.PriceTypes.Rounding;
import io.b2bportal.pricing.admin.PriceTypes.View;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.b2bportal.shared.DomainException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The price types page (each type with its chain and uses), the price type form, and the groups' price types. */
@Controller
class PriceTypesPageController {

    private final PriceTypes types;
    private final GroupPriceTypes groups;
    private final PricingAdminAccess access;
    private final FormErrors errors;

    PriceTypesPageController(PriceTypes types, GroupPriceTypes groups, PricingAdminAccess access, FormErrors errors) {
        this.types = types;
        this.groups = groups;
        this.access = access;
        this.errors = errors;
    }

    /** A price type as typed; the kind decides which fields count. */
    record TypeForm(String code, String name, String nameEn, String kind, String priceList, String parent,
            String adjustmentKind, String adjustment, String rounding) {

        static TypeForm blank() {
            return new TypeForm("", "", "", "DERIVED", "base", "base", "PERCENT", "", "KOPECK");
        }

        static TypeForm of(View type) {
            return new TypeForm(type.code(), type.name(), type.nameEn() == null ? "" : type.nameEn(),
                    type.kind().name(), type.priceList() == null ? "base" : type.priceList(),
                    type.parent() == null ? "" : type.parent(),
                    type.adjustmentKind() == null ? "PERCENT" : type.adjustmentKind().name(),
                    Decimals.input(type.adjustment(), LocaleContextHolder.getLocale()),
                    type.rounding() == null ? "KOPECK" : type.rounding().name());
        }

        Definition definition(Issues issues) {
            Kind parsedKind = parse(Kind.class, kind, "kind", issues);
            boolean derived = parsedKind == Kind.DERIVED;
            return new Definition(code == null ? null : code.strip(), name, nameEn, parsedKind, priceList, parent,
                    derived ? parse(AdjustmentKind.class, adjustmentKind, "adjustmentKind", issues) : null,
                    derived ? Decimals.read(adjustment, LocaleContextHolder.getLocale(), "adjustment", issues) : null,
                    derived ? parse(Rounding.class, rounding, "rounding", issues) : null);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Issues issues) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                    .orElseGet(() -> {
                        issues.add(field, "pricing.admin.choose");
                        return null;
                    });
        }
    }

    @ModelAttribute("canEdit")
    boolean canEdit(@AuthenticationPrincipal PortalUser staff) {
        return staff != null && access.mayEditRules(staff);
    }

    @GetMapping("/admin/pricing/price-types")
    String list(Model model) {
        model.addAttribute("tab", "types");
        model.addAttribute("types", types.list());
        model.addAttribute("groups", groups.list());
        return "pricing/admin/price-types";
    }

    @GetMapping("/admin/pricing/price-types/new")
    String create(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TypeForm.blank());
        }
        return form(model, null);
    }

    @GetMapping("/admin/pricing/price-types/{code}")
    String edit(@PathVariable String code, Model model) {
        View type = types.require(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TypeForm.of(type));
        }
        return form(model, type);
    }

    @PostMapping("/admin/pricing/price-types")
    String save(@AuthenticationPrincipal PortalUser staff, @ModelAttribute("form") TypeForm form, Model model,
            RedirectAttributes redirect) {
        return write(staff, null, form, model, redirect);
    }

    @PostMapping("/admin/pricing/price-types/{code}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @ModelAttribute("form") TypeForm form, Model model, RedirectAttributes redirect) {
        return write(staff, code, form, model, redirect);
    }

    @PostMapping("/admin/pricing/price-types/{code}/delete")
    String delete(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, RedirectAttributes redirect) {
        try {
            types.delete(staff, code);
            redirect.addFlashAttribute("deleted", code);
            return "redirect:/admin/pricing/price-types";
        } catch (DomainException e) {
            if (e.status() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problem", errors.text(e.messageKey(), e.arguments()));
            return "redirect:/admin/pricing/price-types/" + code;
        }
    }

    /** All groups in one form: {@code group-<id>} → price type code, empty for the base. */
    @PostMapping("/admin/pricing/group-price-types")
    String assignGroups(@AuthenticationPrincipal PortalUser staff, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        access.requireRuleEditor(staff);
        Map<Long, String> wanted = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("group-")) {
                try {
                    wanted.put(Long.parseLong(name.substring("group-".length())), value);
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("group", "pricing.admin.choose");
                }
            }
        });
        int changed = 0;
        for (var group : groups.list()) {
            if (wanted.containsKey(group.groupId())) {
                String code = wanted.get(group.groupId()).isBlank() ? null : wanted.get(group.groupId());
                if (!java.util.Objects.equals(code, group.priceType())) {
                    groups.assign(staff, group.groupId(), code);
                    changed++;
                }
            }
        }
        redirect.addFlashAttribute("groupsSaved", changed);
        return "redirect:/admin/pricing/price-types#groups";
    }

    private String write(PortalUser staff, String code, TypeForm form, Model model, RedirectAttributes redirect) {
        Issues issues = new Issues();
        Definition definition = form.definition(issues);
        try {
            issues.throwIfAny();
            View saved = code == null ? types.create(staff, definition) : types.update(staff, code, definition);
            redirect.addFlashAttribute("saved", saved.code());
            return "redirect:/admin/pricing/price-types";
        } catch (InvalidPricingInput e) {
            model.addAttribute("errors", errors.of(e.issues()));
            return form(model, code == null ? null : types.require(code));
        }
    }

    private String form(Model model, View type) {
        model.addAttribute("tab", "types");
        model.addAttribute("type", type);
        model.addAttribute("lists", types.priceLists());
        List<String> parents = types.list().stream().map(View::code)
                .filter(c -> type == null || !c.equals(type.code())).toList();
        model.addAttribute("parents", parents);
        model.addAttribute("roundings", Rounding.values());
        return "pricing/admin/price-type";
    }
}
