package io.b2bportal.crm.deal.web;

import io.b2bportal.crm.deal.DealQueries;
import io.b2bportal.crm.deal.DealQueries.DealView;
import io.b2bportal.crm.deal.Deals;
import io.b2bportal.crm.deal.Deals.DealInput;
import io.b2bportal.crm.deal.Pipelines;
import io.b2bportal.crm.deal.Pipelines.Pipeline;
import io.b2bportal.crm.deal.Pipelines.Stage;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deals for the sales team: the board (a column per stage with its count and sum; cards dragged between columns
 * or moved with the stage select on each card), the list with filters and totals, one deal with its stage history
 * and contact roles, and the create and edit form.
 */
@Controller
class DealPageController {

    private final Deals deals;
    private final DealQueries queries;
    private final Pipelines pipelines;
    private final DealAccess access;
    private final org.springframework.context.MessageSource messages;

    DealPageController(Deals deals, DealQueries queries, Pipelines pipelines, DealAccess access,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.deals = deals;
        this.queries = queries;
        this.pipelines = pipelines;
        this.access = access;
    }

    /** A board column: the stage, its cards, their count and sum. */
    record Column(Stage stage, List<DealView> deals, BigDecimal sum) {
    }

    @GetMapping("/admin/crm/deals")
    String deals(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String pipeline,
            @RequestParam(required = false) String view, @RequestParam(required = false) Long stage,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) Long client,
            @RequestParam(required = false) String state, Model model) {
        Long me = access.me(user);
        List<Pipeline> all = pipelines.list().stream().filter(p -> !p.archived()).toList();
        model.addAttribute("pipelines", all);
        model.addAttribute("owners", queries.owners());
        model.addAttribute("clients", queries.clients(me));
        model.addAttribute("seesAll", me == null);
        if ("list".equals(view)) {
            Long pipelineId = pipeline == null || pipeline.isBlank() ? null
                    : pipelines.byCode(pipeline).map(Pipeline::id).orElse(-1L);
            String outcome = state == null || state.isBlank() ? null : state.toUpperCase();
            List<DealView> rows = queries.list(new DealQueries.Filter(pipelineId, stage, owner, client, outcome), me, 1000);
            model.addAttribute("rows", rows);
            model.addAttribute("total", rows.stream().map(DealView::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            model.addAttribute("weighted", rows.stream()
                    .map(d -> d.amount().multiply(BigDecimal.valueOf(d.probability())).movePointLeft(2))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP));
            model.addAttribute("stages", pipelineId == null ? List.of() : pipelines.stages(pipelineId));
            model.addAttribute("f", Map.of("pipeline", pipeline == null ? "" : pipeline,
                    "stage", stage == null ? "" : stage, "owner", owner == null ? "" : owner,
                    "client", client == null ? "" : client, "state", outcome == null ? "" : outcome));
            return "crm/deals-list";
        }
        if (all.isEmpty()) {
            model.addAttribute("columns", List.of());
            return "crm/deals-board";
        }
        Pipeline current = pipeline == null ? all.getFirst()
                : all.stream().filter(p -> p.code().equals(pipeline)).findFirst()
                        .orElseThrow(() -> DomainException.notFound("pipeline", pipeline));
        List<Stage> stages = pipelines.stages(current.id());
        List<DealView> cards = queries.board(current.id(), me);
        Map<Long, List<DealView>> byStage = new LinkedHashMap<>();
        stages.forEach(s -> byStage.put(s.id(), new java.util.ArrayList<>()));
        cards.forEach(d -> byStage.computeIfAbsent(d.stageId(), k -> new java.util.ArrayList<>()).add(d));
        model.addAttribute("pipeline", current);
        model.addAttribute("stages", stages);
        model.addAttribute("columns", stages.stream().map(s -> new Column(s, byStage.get(s.id()),
                byStage.get(s.id()).stream().map(DealView::amount).reduce(BigDecimal.ZERO, BigDecimal::add))).toList());
        return "crm/deals-board";
    }

    @GetMapping("/admin/crm/deals/{id}")
    String deal(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        DealView deal = access.deal(user, id);
        model.addAttribute("d", deal);
        model.addAttribute("history", queries.history(id));
        model.addAttribute("contacts", queries.contacts(id));
        model.addAttribute("companyContacts", deal.companyId() == null ? List.of() : queries.companyContacts(deal.companyId()));
        model.addAttribute("stages", pipelines.stages(deal.pipelineId()));
        model.addAttribute("roles", Deals.DMU_ROLES);
        return "crm/deal";
    }

    @GetMapping("/admin/crm/deals/new")
    String newDeal(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) Long leadId, @RequestParam(required = false) String pipeline,
            Model model) {
        Long me = access.me(user);
        Long pipelineId = pipeline == null ? null : pipelines.byCode(pipeline).map(Pipeline::id).orElse(null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DealInput(null, pipelineId, null, companyId, leadId, null, "RUB", null, null,
                    null, user.id()));
        }
        return form(user, me, null, model);
    }

    @PostMapping("/admin/crm/deals")
    String create(@AuthenticationPrincipal PortalUser user, DealForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = deals.create(access.checked(user, form.input(), null), user.id());
            redirect.addFlashAttribute("done", Notice.of("crm.deals.created"));
            return "redirect:/admin/crm/deals/" + id;
        } catch (DomainException e) {
            model.addAttribute("refused", Notice.of(e));
            model.addAttribute("form", form.input());
            return form(user, access.me(user), null, model);
        }
    }

    @GetMapping("/admin/crm/deals/{id}/edit")
    String edit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        DealView d = access.deal(user, id);
        model.addAttribute("form", new DealInput(d.title(), d.pipelineId(), d.stageId(), d.companyId(), d.leadId(),
                d.amount(), d.currency(), d.expectedClose(), d.probability(), d.source(), d.ownerId()));
        return form(user, access.me(user), d, model);
    }

    @PostMapping("/admin/crm/deals/{id}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable long id, DealForm form,
            @RequestParam int version, Model model, RedirectAttributes redirect) {
        DealView d = access.deal(user, id);
        try {
            DealInput in = form.input();
            deals.update(id, version, access.checked(user, new DealInput(in.title(), d.pipelineId(), d.stageId(),
                    in.companyId(), in.leadId(), in.amount(), in.currency(), in.expectedClose(), in.probability(),
                    in.source(), in.ownerId()), d.ownerId()));
            redirect.addFlashAttribute("done", Notice.of("crm.deals.saved"));
            return "redirect:/admin/crm/deals/" + id;
        } catch (DomainException e) {
            model.addAttribute("refused", Notice.of(e));
            model.addAttribute("form", form.input());
            return form(user, access.me(user), d, model);
        }
    }

    /** The card's stage select and the deal page's move form (without JavaScript): back to where it came from. */
    @PostMapping("/admin/crm/deals/{id}/move")
    String move(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam long stageId,
            @RequestParam int version, @RequestParam(required = false) String lostReason,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        DealView d = access.deal(user, id);
        try {
            deals.move(id, stageId, version, lostReason, user.id());
            redirect.addFlashAttribute("done", Notice.of("crm.deals.moved", d.title()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", Notice.of(e));
            return "redirect:/admin/crm/deals/" + id;
        }
        return "board".equals(back) ? "redirect:/admin/crm/deals?pipeline=" + d.pipelineCode()
                : "redirect:/admin/crm/deals/" + id;
    }

    /** The board's drag and drop (crm-deals.js): JSON back, 409 when the card was stale. */
    @PostMapping(value = "/admin/crm/deals/{id}/move", headers = "X-Board=1")
    ResponseEntity<Map<String, Object>> boardMove(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam long stageId, @RequestParam int version, @RequestParam(required = false) String lostReason,
            java.util.Locale locale) {
        access.deal(user, id);
        try {
            int newVersion = deals.move(id, stageId, version, lostReason, user.id());
            return ResponseEntity.ok(Map.of("id", id, "stageId", stageId, "version", newVersion));
        } catch (DomainException e) {
            return ResponseEntity.status(e.status()).body(Map.of("code", e.code(),
                    "detail", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        }
    }

    @PostMapping("/admin/crm/deals/{id}/contacts")
    String contacts(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        access.deal(user, id);
        Map<Long, String> roles = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("role-") && v != null && !v.isBlank()) {
                roles.put(Long.parseLong(k.substring(5)), v);
            }
        });
        try {
            deals.setContacts(id, roles);
            redirect.addFlashAttribute("done", Notice.of("crm.deals.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", Notice.of(e));
        }
        return "redirect:/admin/crm/deals/" + id;
    }

    private String form(PortalUser user, Long me, DealView deal, Model model) {
        model.addAttribute("deal", deal);
        model.addAttribute("pipelines", pipelines.list().stream().filter(p -> !p.archived()).toList());
        model.addAttribute("owners", queries.owners());
        model.addAttribute("clients", queries.clients(me));
        model.addAttribute("sources", Deals.SOURCES);
        model.addAttribute("seesAll", me == null);
        return "crm/deal-form";
    }

    /** The deal form's fields, as the browser sends them. */
    record DealForm(String title, Long pipelineId, Long companyId, Long leadId, BigDecimal amount, String currency,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedClose, Integer probability,
            String source, Long ownerId) {

        DealInput input() {
            return new DealInput(title, pipelineId, null, companyId, leadId, amount, currency, expectedClose,
                    probability, source, ownerId);
        }
    }
}
