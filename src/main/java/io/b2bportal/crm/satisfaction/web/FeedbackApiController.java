package io.b2bportal.crm.satisfaction.web;

import io.b2bportal.crm.satisfaction.Surveys;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A customer answers the question asked of them: a delivery rating (1-5) by its token, the NPS question (0-10). */
@RestController
@Tag(name = "Feedback", description = "Customers answer satisfaction questions asked of them")
class FeedbackApiController {

    private final Surveys surveys;

    FeedbackApiController(Surveys surveys) {
        this.surveys = surveys;
    }

    record AnswerBody(@NotNull Integer score, @Size(max = 2000) String comment) {
    }

    /** What the customer sees of their own question and answer. */
    record QuestionView(String kind, String orderNumber, boolean open, boolean expired, Integer score, String comment) {
        static QuestionView of(Surveys.Question q) {
            return new QuestionView(q.kind().name(), q.orderNumber(), q.open(), q.expired(), q.score(), q.comment());
        }
    }

    @GetMapping("/api/v1/feedback/{token}")
    @Operation(summary = "The question behind a feedback link (only the user it was asked of)")
    QuestionView question(@AuthenticationPrincipal PortalUser user, @PathVariable String token) {
        return surveys.question(user, token).map(QuestionView::of)
                .orElseThrow(() -> new DomainException(404, "unknown-feedback", "crm.satisfaction.error.unknown"));
    }

    @PostMapping("/api/v1/feedback/{token}")
    @Operation(summary = "Answer the question behind a feedback link, once: 1-5 for a delivery, 0-10 for NPS")
    QuestionView answer(@AuthenticationPrincipal PortalUser user, @PathVariable String token,
            @Valid @RequestBody AnswerBody body) {
        return QuestionView.of(surveys.answer(user, token, body.score(), body.comment()));
    }

    @PostMapping("/api/v1/feedback/nps")
    @Operation(summary = "Answer this period's NPS question (customer administrators), once: 0-10")
    QuestionView answerNps(@AuthenticationPrincipal PortalUser user, @Valid @RequestBody AnswerBody body) {
        String token = surveys.currentNps(user).map(Surveys.Question::token)
                .orElseThrow(() -> new DomainException(404, "unknown-feedback", "crm.satisfaction.error.unknown"));
        return QuestionView.of(surveys.answer(user, token, body.score(), body.comment()));
    }
}
