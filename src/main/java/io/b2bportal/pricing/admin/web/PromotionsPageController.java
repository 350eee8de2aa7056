package io.b2bportal.pricing.admin.web;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.customers.CustomersApi;
import io.b2bportal.customers.CustomersApi.CompanyRef;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.pricing.admin.InvalidPricingInput;
import io.b2bportal.pricing.admin.Issues;
import io.b2bportal.pricing.admin.PricingAdminAccess;
import io.b2bportal.pricing.admin.Promotions;
import io.b2bportal.pricing.admin.Promotions.Definition;
import io.b2bportal.pricing.admin.Promotions.Status;
import io.b2bportal.pricing.admin.Promotions.View;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Promotions: the list with their status, the form, a companies picker, and the calendar of what runs when. */
@Controller
class PromotionsPageController {

    private static final int CALENDAR_MONTHS = 3;

    private final Promotions promotions;
    private final PricingAdminAccess access;
    private final CustomersApi customers;
    private final CatalogApi catalog;
    private final FormErrors errors;

    PromotionsPageController(Promotions promotions, PricingAdminAccess access, CustomersApi customers,
            CatalogApi catalog, FormErrors errors) {
        this.promotions = promotions;
        this.access = access;
        this.customers = customers;
        this.catalog = catalog;
        this.errors = errors;
    }

    @ModelAttribute("canEdit")
    boolean canEdit(@AuthenticationPrincipal PortalUser staff) {
        return staff != null && access.mayEditRules(staff);
    }

    @GetMapping("/admin/pricing/promotions")
    String list(@RequestParam(required = false) Status status, Model model) {
        List<View> all = promotions.list();
        Map<Status, Long> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, all.stream().filter(p -> p.status() == s).count());
        }
        model.addAttribute("tab", "promotions");
        model.addAttribute("status", status);
        model.addAttribute("counts", counts);
        model.addAttribute("promotions", status == null ? all : all.stream().filter(p -> p.status() == status).toList());
        return "pricing/admin/promotions";
    }

    @GetMapping("/admin/pricing/promotions/new")
    String create(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PromotionForm.blank());
        }
        return form(model, null);
    }

    @GetMapping("/admin/pricing/promotions/{id}")
    String edit(@PathVariable long id, Model model) {
        View promotion = promotions.require(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PromotionForm.of(promotion));
        }
        return form(model, promotion);
    }

    @PostMapping("/admin/pricing/promotions")
    String save(@AuthenticationPrincipal PortalUser staff, @ModelAttribute("form") PromotionForm form, Model model,
            RedirectAttributes redirect) {
        return write(staff, null, form, model, redirect);
    }

    @PostMapping("/admin/pricing/promotions/{id}")
    String update(@AuthenticationPrincipal PortalUser staff, @PathVariable long id,
            @ModelAttribute("form") PromotionForm form, Model model, RedirectAttributes redirect) {
        return write(staff, id, form, model, redirect);
    }

    @PostMapping("/admin/pricing/promotions/{id}/delete")
    String delete(@AuthenticationPrincipal PortalUser staff, @PathVariable long id, RedirectAttributes redirect) {
        View promotion = promotions.require(id);
        promotions.delete(staff, id);
        redirect.addFlashAttribute("deleted", promotion.name());
        return "redirect:/admin/pricing/promotions";
    }

    /** The companies picker: the companies already chosen (ticked), then those matching {@code q}. */
    @GetMapping("/admin/pricing/promotions/companies")
    String companies(@RequestParam(required = false) String q,
            @RequestParam(name = "companyIds", required = false) List<String> chosen, Model model) {
        PromotionForm form = new PromotionForm(null, null, null, null, null, null, chosen, null, null, null, null,
                null, null, null, null, null, null);
        model.addAttribute("form", form);
        model.addAttribute("companyQuery", q == null ? "" : q);
        model.addAttribute("companyChoices", companyChoices(form, q));
        return "pricing/admin/promotion :: companies";
    }

    @GetMapping("/admin/pricing/promotions/calendar")
    String calendar(@RequestParam(required = false) String from, Model model) {
        YearMonth first;
        try {
            first = from == null || from.isBlank() ? YearMonth.now(PromotionForm.SELLER_ZONE) : YearMonth.parse(from);
        } catch (DateTimeParseException e) {
            first = YearMonth.now(PromotionForm.SELLER_ZONE);
        }
        var start = first.atDay(1).atStartOfDay(PromotionForm.SELLER_ZONE).toOffsetDateTime();
        var end = first.plusMonths(CALENDAR_MONTHS).atDay(1).atStartOfDay(PromotionForm.SELLER_ZONE).toOffsetDateTime();
        List<View> shown = promotions.overlapping(start, end).stream()
                .sorted(java.util.Comparator.comparing(View::startsAt).thenComparing(View::id)).toList();
        model.addAttribute("tab", "calendar");
        model.addAttribute("timeline", Timeline.of(first, CALENDAR_MONTHS, shown, PromotionForm.SELLER_ZONE,
                LocalDate.now(PromotionForm.SELLER_ZONE)));
        model.addAttribute("prev", first.minusMonths(1));
        model.addAttribute("next", first.plusMonths(1));
        model.addAttribute("current", YearMonth.now(PromotionForm.SELLER_ZONE));
        return "pricing/admin/calendar";
    }

    private String write(PortalUser staff, Long id, PromotionForm form, Model model, RedirectAttributes redirect) {
        Issues issues = new Issues();
        Definition definition = form.definition(issues);
        try {
            issues.throwIfAny();
            View saved = id == null ? promotions.create(staff, definition) : promotions.update(staff, id, definition);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/pricing/promotions";
        } catch (InvalidPricingInput e) {
            model.addAttribute("errors", errors.of(e.issues()));
            return form(model, id == null ? null : promotions.require(id));
        }
    }

    private String form(Model model, View promotion) {
        PromotionForm form = (PromotionForm) model.getAttribute("form");
        model.addAttribute("tab", "promotions");
        model.addAttribute("promotion", promotion);
        model.addAttribute("groups", customers.groups());
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("companyQuery", "");
        model.addAttribute("companyChoices", companyChoices(form, null));
        return "pricing/admin/promotion";
    }

    /** A company the picker offers, ticked if it is chosen. */
    record CompanyChoice(long id, String name, boolean chosen) {
    }

    private List<CompanyChoice> companyChoices(PromotionForm form, String q) {
        List<Long> chosenIds = form == null ? List.of() : form.companies();
        List<CompanyChoice> choices = new ArrayList<>();
        customers.companies(chosenIds).forEach(c -> choices.add(new CompanyChoice(c.id(), c.name(), true)));
        if (q != null && !q.isBlank()) {
            for (CompanyRef c : customers.companies(q, 20)) {
                if (!chosenIds.contains(c.id())) {
                    choices.add(new CompanyChoice(c.id(), c.name(), false));
                }
            }
        }
        return choices;
    }
}
