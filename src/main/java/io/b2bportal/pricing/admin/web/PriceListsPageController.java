package io.b2bportal.pricing.admin.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.Decimals;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.Issues;
import io.b2bportal.pricing.admin.PriceLists;
import io.b2bportal.pricing.admin.PriceLists.Adjustment;
import io.b2bportal.pricing.admin.PriceLists.ProductPrices;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.b2bportal.pricing.admin.Tier;
import io.b2bportal.pricing.admin.web.PriceListForms.AddForm;
import io.b2bportal.pricing.admin.web.PriceListForms.AdjustForm;
import io.b2bportal.pricing.admin.web.PriceListForms.HeaderForm;
import io.b2bportal.pricing.admin.web.PriceListForms.PricesForm;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The price list pages: the list of lists, one list's header, its searchable price table with one row edited in
 * place (htmx swaps the row; without JavaScript the whole page comes back with the row open), products added by SKU,
 * and the percentage change of many prices at once.
 */
@Controller
class PriceListsPageController {

    private static final int PAGE_SIZE = 50;

    private final PriceLists priceLists;
    private final PricingAdminAccess access;
    private final FormErrors errors;
    private final CatalogApi catalog;

    PriceListsPageController(PriceLists priceLists, PricingAdminAccess access, FormErrors errors, CatalogApi catalog) {
        this.priceLists = priceLists;
        this.access = access;
        this.errors = errors;
        this.catalog = catalog;
    }

    @ModelAttribute("canEdit")
    boolean canEdit(@AuthenticationPrincipal PortalUser staff) {
        return staff != null && access.mayEditRules(staff);
    }

    @GetMapping("/admin/pricing")
    String home() {
        return "redirect:/admin/pricing/price-lists";
    }

    @GetMapping("/admin/pricing/price-lists")
    String lists(Model model) {
        model.addAttribute("lists", priceLists.list());
        model.addAttribute("tab", "lists");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", HeaderForm.blank());
        }
        return "pricing/admin/price-lists";
    }

    @PostMapping("/admin/pricing/price-lists")
    String create(@AuthenticationPrincipal PortalUser staff, @ModelAttribute("form") HeaderForm form, Model model,
            RedirectAttributes redirect) {
        try {
            var created = priceLists.create(staff, form.header());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/admin/pricing/price-lists/" + created.code();
        } catch (InvalidPricingInput e) {
            model.addAttribute("errors", errors.of(e.issues()));
            return lists(model);
        }
    }

    @GetMapping("/admin/pricing/price-lists/{code}")
    String list(@PathVariable String code, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var list = priceLists.require(code);
        model.addAttribute("list", list);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("prices", priceLists.prices(code, q, Math.max(0, page), PAGE_SIZE));
        if (htmx != null && !model.containsAttribute("fullPage")) {
            return "pricing/admin/price-list :: results";
        }
        model.addAttribute("tab", "lists");
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("brands", priceLists.brands(code));
        if (!model.containsAttribute("header")) {
            model.addAttribute("header", new HeaderForm(list.code(), list.name(), list.currency(),
                    list.includesVat() ? "true" : null));
        }
        if (!model.containsAttribute("add")) {
            model.addAttribute("add", AddForm.blank());
        }
        if (!model.containsAttribute("adjust")) {
            model.addAttribute("adjust", AdjustForm.blank());
        }
        return "pricing/admin/price-list";
    }

    @PostMapping("/admin/pricing/price-lists/{code}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @ModelAttribute("header") HeaderForm form, Model model, RedirectAttributes redirect) {
        try {
            priceLists.update(staff, code, form.header());
            redirect.addFlashAttribute("saved", form.name().strip());
            return "redirect:/admin/pricing/price-lists/" + code;
        } catch (InvalidPricingInput e) {
            model.addAttribute("headerErrors", errors.of(e.issues()));
            model.addAttribute("fullPage", true);
            return list(code, null, 0, null, model);
        }
    }

    @PostMapping("/admin/pricing/price-lists/{code}/delete")
    String delete(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, RedirectAttributes redirect) {
        try {
            priceLists.delete(staff, code);
            redirect.addFlashAttribute("deleted", code);
            return "redirect:/admin/pricing/price-lists";
        } catch (DomainException e) {
            if (e.status() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problem", errors.text(e.messageKey(), e.arguments()));
            return "redirect:/admin/pricing/price-lists/" + code;
        }
    }

    /** One row, as shown (the cancel of an edit). */
    @GetMapping("/admin/pricing/price-lists/{code}/prices/{productId}")
    String row(@PathVariable String code, @PathVariable long productId, Model model) {
        model.addAttribute("list", priceLists.require(code));
        model.addAttribute("p", priceLists.pricesOf(code, productId));
        return "pricing/admin/price-list :: row";
    }

    /** One row, open for editing. */
    @GetMapping("/admin/pricing/price-lists/{code}/prices/{productId}/edit")
    String edit(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, @PathVariable long productId,
            Model model) {
        access.requireRuleEditor(staff);
        ProductPrices prices = priceLists.pricesOf(code, productId);
        model.addAttribute("list", priceLists.require(code));
        model.addAttribute("p", prices);
        model.addAttribute("editing", productId);
        model.addAttribute("edit", PricesForm.of(prices.tiers()));
        return "pricing/admin/price-list :: row";
    }

    @PostMapping("/admin/pricing/price-lists/{code}/prices/{productId}")
    String save(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, @PathVariable long productId,
            @ModelAttribute PricesForm form, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        access.requireRuleEditor(staff);
        ProductPrices current = priceLists.pricesOf(code, productId);
        PricesForm shown = form;
        if (form.saving()) {
            Issues issues = new Issues();
            List<Tier> tiers = form.read(issues);
            try {
                issues.throwIfAny();
                ProductPrices saved = priceLists.setPrices(staff, code, productId, tiers);
                if (htmx == null) {
                    redirect.addFlashAttribute("savedSku", saved.sku());
                    return "redirect:" + UriComponentsBuilder.fromPath("/admin/pricing/price-lists/{code}")
                            .queryParam("q", saved.sku()).buildAndExpand(code).encode().toUriString();
                }
                model.addAttribute("list", priceLists.require(code));
                model.addAttribute("p", saved);
                model.addAttribute("savedRow", true);
                return "pricing/admin/price-list :: row";
            } catch (InvalidPricingInput e) {
                model.addAttribute("editErrors", errors.of(e.issues()));
            }
        } else {
            shown = form.edited();
        }
        model.addAttribute("editing", productId);
        model.addAttribute("edit", shown);
        if (htmx == null) {
            model.addAttribute("fullPage", true);
            return list(code, current.sku(), 0, null, model);
        }
        model.addAttribute("list", priceLists.require(code));
        model.addAttribute("p", current);
        return "pricing/admin/price-list :: row";
    }

    @PostMapping("/admin/pricing/price-lists/{code}/prices/{productId}/delete")
    String remove(@AuthenticationPrincipal PortalUser staff, @PathVariable String code, @PathVariable long productId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        ProductPrices before = priceLists.pricesOf(code, productId);
        priceLists.removeProduct(staff, code, productId);
        if (htmx != null) {
            model.addAttribute("removedSku", before.sku());
            return "pricing/admin/price-list :: removed";
        }
        redirect.addFlashAttribute("removedSku", before.sku());
        return "redirect:/admin/pricing/price-lists/" + code;
    }

    @PostMapping("/admin/pricing/price-lists/{code}/prices")
    String add(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @ModelAttribute("add") AddForm form, Model model, RedirectAttributes redirect) {
        access.requireRuleEditor(staff);
        Issues issues = new Issues();
        var locale = LocaleContextHolder.getLocale();
        BigDecimal qty = Decimals.read(form.minQty(), locale, "tiers[0].minQty", issues);
        BigDecimal amount = Decimals.read(form.amount(), locale, "tiers[0].amount", issues);
        Long product = null;
        if (form.sku() == null || form.sku().isBlank()) {
            issues.add("sku", "pricing.admin.required");
        } else {
            product = priceLists.productId(form.sku()).orElse(null);
            if (product == null) {
                issues.add("sku", "pricing.admin.unknown-sku", form.sku().strip());
            } else if (!priceLists.pricesOf(code, product).tiers().isEmpty()) {
                issues.add("sku", "pricing.admin.list.already-priced", form.sku().strip());
            }
        }
        try {
            issues.throwIfAny();
            ProductPrices saved = priceLists.setPrices(staff, code, product, List.of(new Tier(qty == null
                    ? BigDecimal.ONE : qty, amount)));
            redirect.addFlashAttribute("savedSku", saved.sku());
            return "redirect:" + UriComponentsBuilder.fromPath("/admin/pricing/price-lists/{code}")
                    .queryParam("q", saved.sku()).buildAndExpand(code).encode().toUriString();
        } catch (InvalidPricingInput e) {
            model.addAttribute("addErrors", errors.of(e.issues()));
            model.addAttribute("fullPage", true);
            return list(code, null, 0, null, model);
        }
    }

    @PostMapping("/admin/pricing/price-lists/{code}/adjust")
    String adjust(@AuthenticationPrincipal PortalUser staff, @PathVariable String code,
            @ModelAttribute("adjust") AdjustForm form, Model model, RedirectAttributes redirect) {
        Issues issues = new Issues();
        BigDecimal percent = Decimals.read(form.percent(), LocaleContextHolder.getLocale(), "percent", issues);
        try {
            issues.throwIfAny();
            int changed = priceLists.adjust(staff, code, new Adjustment(percent, form.category(), form.brand()));
            redirect.addFlashAttribute("adjusted", Map.of("changed", changed, "percent", percent));
            return "redirect:/admin/pricing/price-lists/" + code;
        } catch (InvalidPricingInput e) {
            model.addAttribute("adjustErrors", errors.of(e.issues()));
            model.addAttribute("fullPage", true);
            return list(code, null, 0, null, model);
        }
    }
}
