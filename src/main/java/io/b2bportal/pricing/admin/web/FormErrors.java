package io.b2bportal.pricing.admin.web;

import io.b2bportal.pricing.admin.Issues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Field issues as the pages show them: field name → message in the user's language. */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> of(List<Issues.Issue> issues) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Issues.Issue issue : issues) {
            byField.putIfAbsent(issue.field(), text(issue));
        }
        return byField;
    }

    String text(Issues.Issue issue) {
        return messages.getMessage(issue.messageKey(), issue.args().toArray(), issue.messageKey(),
                LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
