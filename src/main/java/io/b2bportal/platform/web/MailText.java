package io.b2bportal.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text mail body cut into text and web links, so the outbox page can show the text escaped and the
 * links clickable (a kept confirmation mail is only useful if its link can be followed).
 */
final class MailText {

    /** http(s) only: a {@code javascript:} or {@code data:} "link" in a mail stays text. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'«»]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than the link before it. */
    private static final String TRAILING = ".,;:!?)]}";

    private MailText() {
    }

    /** A run of text, or a link when {@code href} is set (its text is the address itself). */
    record Part(String text, String href) {

        public boolean link() {
            return href != null;
        }
    }

    static List<Part> parts(String body) {
        List<Part> parts = new ArrayList<>();
        if (body == null) {
            return parts;
        }
        Matcher matcher = LINK.matcher(body);
        int start = 0;
        while (matcher.find()) {
            String link = trimTrailing(matcher.group());
            int end = matcher.start() + link.length();
            if (matcher.start() > start) {
                parts.add(new Part(body.substring(start, matcher.start()), null));
            }
            parts.add(new Part(link, link));
            start = end;
        }
        if (start < body.length()) {
            parts.add(new Part(body.substring(start), null));
        }
        return parts;
    }

    private static String trimTrailing(String link) {
        int end = link.length();
        while (end > 0 && TRAILING.indexOf(link.charAt(end - 1)) >= 0 && !(link.charAt(end - 1) == ')'
                && link.substring(0, end).contains("("))) {
            end--;
        }
        return link.substring(0, end);
    }
}
