package io.b2bportal.crm.lead.web;

import io.b2bportal.crm.lead.LeadImport;
import io.b2bportal.crm.lead.Leads;
import io.b2bportal.crm.lead.Leads.LeadInput;
import io.b2bportal.crm.lead.Leads.LeadView;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Leads over the API, with the same visibility as the pages (an account manager: theirs and unassigned ones). */
@RestController
@Tag(name = "CRM leads", description = "Leads: list, create, qualify, convert into a customer, disqualify, CSV import")
class LeadApiController {

    private final Leads leads;
    private final LeadImport imports;
    private final LeadAccess access;
    private final MessageSource messages;

    LeadApiController(Leads leads, LeadImport imports, LeadAccess access, MessageSource messages) {
        this.leads = leads;
        this.imports = imports;
        this.access = access;
        this.messages = messages;
    }

    record ReasonBody(String reason) {
    }

    record ConvertBody(Long accountManagerId, Long pipelineId, String dealTitle, BigDecimal dealAmount) {
    }

    record Converted(long leadId, long companyId) {
    }

    record RowError(int row, String code, String message) {
    }

    record ImportReport(int imported, List<Long> leadIds, List<RowError> errors) {
    }

    @GetMapping("/api/v1/admin/crm/leads")
    @Operation(summary = "Leads someone may see, open ones first (filter status)")
    List<LeadView> list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String status) {
        return leads.list(status == null ? null : status.toUpperCase(), access.me(user), 1000);
    }

    @PostMapping("/api/v1/admin/crm/leads")
    @Operation(summary = "Creates a lead by hand (source MANUAL), owned by the caller")
    ResponseEntity<LeadView> create(@AuthenticationPrincipal PortalUser user, @RequestBody LeadInput body) {
        access.me(user);
        long id = leads.create("MANUAL", body, user.id(), user.id());
        return ResponseEntity.created(URI.create("/api/v1/admin/crm/leads/" + id)).body(access.lead(user, id));
    }

    @GetMapping("/api/v1/admin/crm/leads/{id}")
    @Operation(summary = "One lead")
    LeadView get(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        return access.lead(user, id);
    }

    @PostMapping("/api/v1/admin/crm/leads/{id}/qualify")
    @Operation(summary = "NEW → QUALIFIED (an unassigned lead becomes the caller's)")
    LeadView qualify(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        access.lead(user, id);
        leads.qualify(id, user.id());
        return access.lead(user, id);
    }

    @PostMapping("/api/v1/admin/crm/leads/{id}/disqualify")
    @Operation(summary = "Disqualifies an open lead: {reason} is required")
    LeadView disqualify(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody(required = false) ReasonBody body) {
        access.lead(user, id);
        leads.disqualify(id, body == null ? null : body.reason(), user.id());
        return access.lead(user, id);
    }

    @PostMapping("/api/v1/admin/crm/leads/{id}/convert")
    @Operation(summary = "Converts a qualified lead into a customer company with a contact, and optionally a first deal")
    Converted convert(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestBody(required = false) ConvertBody body) {
        access.lead(user, id);
        ConvertBody b = body == null ? new ConvertBody(null, null, null, null) : body;
        Long manager = access.seesAll(user) ? b.accountManagerId() : Long.valueOf(user.id());
        long company = leads.convert(id, new Leads.Conversion(manager, b.pipelineId(), b.dealTitle(), b.dealAmount()),
                user.id());
        return new Converted(id, company);
    }

    @PostMapping("/api/v1/admin/crm/leads/import")
    @Operation(summary = "Imports leads from a CSV file (multipart field file); rows with errors are reported, not imported")
    ImportReport importCsv(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) MultipartFile file,
            java.util.Locale locale) {
        access.me(user);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("lead-import-file", "crm.leads.import.file-required");
        }
        try {
            LeadImport.Report report = imports.importCsv(file.getOriginalFilename(), file.getBytes(),
                    access.seesAll(user) ? null : user.id(), user.id());
            return new ImportReport(report.imported(), report.leadIds(), report.errors().stream()
                    .map(e -> new RowError(e.row(), e.key(), messages.getMessage(e.key(), e.args(), e.key(), locale)))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
