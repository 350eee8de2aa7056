package io.b2bportal.crm.analytics.web;

import io.b2bportal.crm.analytics.CrmAnalytics;
import io.b2bportal.platform.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CRM analytics page: the period's figures by department and manager, with bars of sales and pipeline. */
@Controller
class AnalyticsPageController {

    private final CrmAnalytics analytics;

    AnalyticsPageController(CrmAnalytics analytics) {
        this.analytics = analytics;
    }

    /** One horizontal bar pair laid out on the server: sales and weighted pipeline of one manager, in pixels. */
    record Bar(String label, int y, int salesWidth, int pipelineWidth, BigDecimal sales, BigDecimal pipeline) {
    }

    static final int LABEL = 200;
    static final int PLOT = 520;
    static final int ROW = 30;

    @GetMapping("/admin/crm/analytics")
    String page(@AuthenticationPrincipal PortalUser staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        CrmAnalytics.Report report = analytics.report(staff, CrmAnalytics.Period.of(from, to));
        model.addAttribute("report", report);
        model.addAttribute("bars", bars(report.managers()));
        model.addAttribute("chartWidth", LABEL + PLOT + 10);
        model.addAttribute("chartHeight", Math.max(1, report.managers().size()) * ROW + 10);
        return "crm/analytics";
    }

    static List<Bar> bars(List<CrmAnalytics.Row> rows) {
        BigDecimal max = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.sales(), r.weightedAmount()))
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        int y = 5;
        for (CrmAnalytics.Row r : rows) {
            bars.add(new Bar(r.name(), y, width(r.sales(), max), width(r.weightedAmount(), max), r.sales(),
                    r.weightedAmount()));
            y += ROW;
        }
        return bars;
    }

    private static int width(BigDecimal value, BigDecimal max) {
        if (max.signum() == 0 || value.signum() <= 0) {
            return 0;
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(PLOT)).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }
}

@RestController
@Tag(name = "CRM analytics", description = "Sales, pipeline, activities and satisfaction by department and manager")
class AnalyticsApiController {

    private final CrmAnalytics analytics;

    AnalyticsApiController(CrmAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/v1/admin/crm/analytics")
    @Operation(summary = "The period's figures (default: this month; from and to are ISO dates, both included) by "
            + "manager and department; an account manager gets their own row only")
    CrmAnalytics.Report report(@AuthenticationPrincipal PortalUser staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return analytics.report(staff, CrmAnalytics.Period.of(from, to));
    }
}
