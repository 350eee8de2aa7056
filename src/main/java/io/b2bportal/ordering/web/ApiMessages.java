package io.b2bportal.ordering.web;

import io.b2bportal.ordering.cart.Reason;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A rule's reason as text in the caller's language, for API bodies (pages resolve the key themselves). */
@Component
class ApiMessages {

    private final MessageSource messages;

    ApiMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(Reason reason) {
        return reason == null ? null
                : messages.getMessage(reason.key(), reason.arguments(), reason.key(), LocaleContextHolder.getLocale());
    }
}
