package io.b2bportal.pricing.admin.web;

import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.ContractPrices;
import io.b2bportal.pricing.admin.ContractPrices.Agreed;
import io.b2bportal.pricing.admin.ContractPrices.ContractPrice;
import io.b2bportal.pricing.admin.Decimals;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.Issues;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.util.Locale;
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

/**
 * The contract prices of one legal entity: pick the entity (search over the companies the member of staff may see),
 * then its prices, added by SKU and edited in place.
 */
@Controller
class ContractPricesPageController {

    private final ContractPrices prices;
    private final CustomersApi customers;
    private final PricingAdminAccess access;
    private final FormErrors errors;
    private final EntityPicker picker;

    ContractPricesPageController(ContractPrices prices, CustomersApi customers, PricingAdminAccess access,
            FormErrors errors, EntityPicker picker) {
        this.picker = picker;
        this.prices = prices;
        this.customers = customers;
        this.access = access;
        this.errors = errors;
    }

    /** A contract price as typed; an unticked VAT box is not sent. */
    record PriceForm(String sku, String amount, String currency, String includesVat) {

        static PriceForm blank() {
            return new PriceForm("", "", "RUB", "true");
        }

        Agreed agreed(Issues issues) {
            Locale locale = LocaleContextHolder.getLocale();
            BigDecimal value = Decimals.read(amount, locale, "amount", issues);
            return new Agreed(sku, value, currency == null || currency.isBlank() ? "RUB"
                    : currency.strip().toUpperCase(Locale.ROOT), includesVat != null);
        }
    }

    @GetMapping("/admin/pricing/contract-prices")
    String page(@AuthenticationPrincipal PortalUser staff, @RequestParam(required = false) Long entity,
            @RequestParam(required = false) String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        access.requireStaff(staff);
        model.addAttribute("tab", "contract");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("choices", picker.find(staff, q));
        if (htmx != null && entity == null) {
            return "pricing/admin/contract-prices :: choices";
        }
        if (entity != null) {
            long company = access.requireEntityVisible(staff, entity);
            LegalEntityRef ref = customers.legalEntity(entity).orElseThrow();
            model.addAttribute("entity", ref);
            model.addAttribute("terms", customers.termsOf(entity));
            model.addAttribute("canEdit", access.mayEditContractPrices(staff, company));
            model.addAttribute("rows", prices.of(staff, entity));
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", PriceForm.blank());
            }
        }
        return "pricing/admin/contract-prices";
    }

    @PostMapping("/admin/pricing/contract-prices/{entity}")
    String add(@AuthenticationPrincipal PortalUser staff, @PathVariable long entity,
            @ModelAttribute("form") PriceForm form, Model model, RedirectAttributes redirect) {
        access.requireContractPriceEditor(staff, entity);
        Issues issues = new Issues();
        Agreed agreed = form.agreed(issues);
        try {
            issues.throwIfAny();
            ContractPrice saved = prices.save(staff, entity, agreed);
            redirect.addFlashAttribute("savedSku", saved.sku());
            return "redirect:/admin/pricing/contract-prices?entity=" + entity;
        } catch (InvalidPricingInput e) {
            model.addAttribute("errors", errors.of(e.issues()));
            return page(staff, entity, null, null, model);
        }
    }

    @GetMapping("/admin/pricing/contract-prices/{entity}/{productId}")
    String row(@AuthenticationPrincipal PortalUser staff, @PathVariable long entity, @PathVariable long productId,
            Model model) {
        return row(staff, entity, productId, false, model);
    }

    @GetMapping("/admin/pricing/contract-prices/{entity}/{productId}/edit")
    String edit(@AuthenticationPrincipal PortalUser staff, @PathVariable long entity, @PathVariable long productId,
            Model model) {
        access.requireContractPriceEditor(staff, entity);
        ContractPrice price = require(staff, entity, productId);
        model.addAttribute("edit", new PriceForm(price.sku(),
                Decimals.input(price.amount(), LocaleContextHolder.getLocale()), price.currency(),
                price.includesVat() ? "true" : null));
        return row(staff, entity, productId, true, model);
    }

    @PostMapping("/admin/pricing/contract-prices/{entity}/{productId}")
    String save(@AuthenticationPrincipal PortalUser staff, @PathVariable long entity, @PathVariable long productId,
            @ModelAttribute PriceForm form, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        access.requireContractPriceEditor(staff, entity);
        ContractPrice current = require(staff, entity, productId);
        Issues issues = new Issues();
        Agreed agreed = form.agreed(issues);
        try {
            issues.throwIfAny();
            prices.save(staff, entity, new Agreed(current.sku(), agreed.amount(), agreed.currency(),
                    agreed.includesVat()));
            if (htmx == null) {
                redirect.addFlashAttribute("savedSku", current.sku());
                return "redirect:/admin/pricing/contract-prices?entity=" + entity;
            }
            model.addAttribute("savedRow", true);
            return row(staff, entity, productId, false, model);
        } catch (InvalidPricingInput e) {
            model.addAttribute("editErrors", errors.of(e.issues()));
            model.addAttribute("edit", form);
            if (htmx == null) {
                model.addAttribute("editing", productId);
                return page(staff, entity, null, null, model);
            }
            return row(staff, entity, productId, true, model);
        }
    }

    @PostMapping("/admin/pricing/contract-prices/{entity}/{productId}/delete")
    String remove(@AuthenticationPrincipal PortalUser staff, @PathVariable long entity, @PathVariable long productId,
            RedirectAttributes redirect) {
        ContractPrice before = require(staff, entity, productId);
        prices.remove(staff, entity, productId);
        redirect.addFlashAttribute("removedSku", before.sku());
        return "redirect:/admin/pricing/contract-prices?entity=" + entity;
    }

    private String row(PortalUser staff, long entity, long productId, boolean open, Model model) {
        long company = access.requireEntityVisible(staff, entity);
        model.addAttribute("entity", customers.legalEntity(entity).orElseThrow());
        model.addAttribute("canEdit", access.mayEditContractPrices(staff, company));
        model.addAttribute("r", require(staff, entity, productId));
        if (open) {
            model.addAttribute("editing", productId);
        }
        return "pricing/admin/contract-prices :: row";
    }

    private ContractPrice require(PortalUser staff, long entity, long productId) {
        return prices.find(staff, entity, productId)
                .orElseThrow(() -> DomainException.notFound("contract-price", productId));
    }
}
