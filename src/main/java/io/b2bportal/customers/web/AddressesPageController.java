package io.b2bportal.customers.web;

import io.b2bportal.customers.LegalEntityContext;
import io.b2bportal.customers.LegalEntityRef;
import io.b2bportal.customers.address.Addresses;
import io.b2bportal.customers.address.Addresses.AddressData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Delivery addresses of the acting legal entity: searched as you type (htmx), added, made default, archived. */
@Controller
class AddressesPageController {

    static final int PAGE_SIZE = 50;

    private final Addresses addresses;
    private final LegalEntityContext context;

    AddressesPageController(Addresses addresses, LegalEntityContext context) {
        this.addresses = addresses;
        this.context = context;
    }

    record AddressForm(@NotBlank @Size(max = 200) String label, @NotBlank @Size(max = 500) String address,
            @Size(max = 200) String contactName,
            @Size(max = 50) @Pattern(regexp = "^$|^[0-9+()\\- ]{5,50}$") String contactPhone) {

        AddressData data() {
            return new AddressData(label.strip(), address.strip(), blankToNull(contactName), blankToNull(contactPhone));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/company/addresses")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LegalEntityRef entity = context.require();
        int safePage = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("entity", entity);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", safePage);
        model.addAttribute("total", addresses.count(entity.id()));
        var rows = addresses.search(entity.id(), q, PAGE_SIZE + 1, safePage * PAGE_SIZE);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("addresses", rows.stream().limit(PAGE_SIZE).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AddressForm("", "", "", ""));
        }
        return htmx != null ? "customers/addresses :: rows" : "customers/addresses";
    }

    @PostMapping("/company/addresses")
    String add(@Valid @ModelAttribute("form") AddressForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        LegalEntityRef entity = context.require();
        if (errors.hasErrors()) {
            return list(null, 0, null, model);
        }
        addresses.add(entity.id(), form.data());
        redirect.addFlashAttribute("saved", form.label());
        return "redirect:/company/addresses";
    }

    @PostMapping("/company/addresses/{id}/default")
    String makeDefault(@PathVariable long id) {
        addresses.makeDefault(context.require().id(), id);
        return "redirect:/company/addresses";
    }

    @PostMapping("/company/addresses/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes redirect) {
        addresses.archive(context.require().id(), id);
        redirect.addFlashAttribute("archived", true);
        return "redirect:/company/addresses";
    }
}
