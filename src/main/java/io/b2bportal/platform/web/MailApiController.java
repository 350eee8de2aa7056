package io.b2bportal.platform.web;

import io.b2bportal.platform.mail.MailOutbox;
import io.b2bportal.platform.mail.MailOutbox.MailDetail;
import io.b2bportal.platform.mail.MailOutbox.MailPage;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox over the API, for administrators only (SecurityConfiguration). */
@RestController
@RequestMapping("/api/v1/admin/mail")
@Tag(name = "Mail", description = "The outbox of every mail the portal sent or kept (administrators)")
class MailApiController {

    private static final int MAX_PAGE_SIZE = 200;

    private final MailOutbox outbox;

    MailApiController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "Mails, newest first; page counts from 1, size up to 200")
    MailPage list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return outbox.page(page, Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mail with its text and HTML bodies and its delivery record")
    MailDetail get(@PathVariable long id) {
        return outbox.find(id).orElseThrow(() -> DomainException.notFound("mail", id));
    }
}
