package io.b2bportal.crm.satisfaction.web;

import io.b2bportal.crm.satisfaction.Surveys;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's feedback pages: the one question behind a link ({@code /feedback/{token}}) and the current NPS
 * question ({@code /feedback/nps}). The signed-in user sees only a question asked of them, and nothing of the CRM.
 */
@Controller
class FeedbackPageController {

    private final Surveys surveys;
    private final MessageSource messages;

    FeedbackPageController(Surveys surveys, MessageSource messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/feedback/nps")
    String nps(@AuthenticationPrincipal PortalUser user, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return show(surveys.currentNps(user), "/feedback/nps", model, response);
    }

    @PostMapping("/feedback/nps")
    String answerNps(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String score,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Optional<Surveys.Question> current = surveys.currentNps(user);
        return answer(user, current.map(Surveys.Question::token).orElse(""), score, comment, "/feedback/nps",
                redirect);
    }

    /** The prompt a customer's home page loads: empty unless an NPS question waits for this user. */
    @GetMapping("/feedback/nps/prompt")
    String prompt(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("question", surveys.currentNps(user).filter(Surveys.Question::open).orElse(null));
        return "crm/feedback-prompt :: prompt";
    }

    @GetMapping("/feedback/{token}")
    String question(@AuthenticationPrincipal PortalUser user, @PathVariable String token, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return show(surveys.question(user, token), "/feedback/" + token, model, response);
    }

    @PostMapping("/feedback/{token}")
    String answer(@AuthenticationPrincipal PortalUser user, @PathVariable String token,
            @RequestParam(required = false) String score, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return answer(user, token, score, comment, "/feedback/" + token, redirect);
    }

    private String show(Optional<Surveys.Question> question, String action, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        if (question.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("question", question.orElse(null));
        model.addAttribute("action", action);
        return "crm/feedback";
    }

    private String answer(PortalUser user, String token, String score, String comment, String back,
            RedirectAttributes redirect) {
        try {
            surveys.answer(user, token, parse(score), comment);
            redirect.addFlashAttribute("thanks", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("failed",
                    messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:" + back;
    }

    private static Integer parse(String score) {
        try {
            return score == null ? null : Integer.valueOf(score.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
