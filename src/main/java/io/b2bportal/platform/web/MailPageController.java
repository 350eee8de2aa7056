package io.b2bportal.platform.web;

import io.b2bportal.platform.mail.MailOutbox;
import io.b2bportal.platform.mail.MailOutbox.MailDetail;
import io.b2bportal.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mail outbox for administrators (SecurityConfiguration lets no one else in): every mail the portal
 * sent or, without SMTP, kept, newest first, and each one with its links clickable.
 */
@Controller
class MailPageController {

    static final int PAGE_SIZE = 50;

    private final MailOutbox outbox;

    MailPageController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("mails", outbox.page(page, PAGE_SIZE));
        return "platform/mail-outbox";
    }

    @GetMapping("/admin/mail/{id}")
    String detail(@PathVariable long id, Model model) {
        MailDetail mail = outbox.find(id).orElseThrow(() -> DomainException.notFound("mail", id));
        model.addAttribute("mail", mail);
        model.addAttribute("parts", MailText.parts(mail.bodyText()));
        return "platform/mail-detail";
    }
}
