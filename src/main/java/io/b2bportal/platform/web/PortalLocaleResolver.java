package io.b2bportal.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Russian or English, nothing else: the language cookie the switcher sets, else the best match of
 * {@code Accept-Language}, else Russian. An unknown language is never an error, it just falls back.
 */
public class PortalLocaleResolver implements LocaleResolver {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);
    static final String COOKIE = "PORTAL_LANG";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return fromCookie(request).or(() -> fromHeader(request)).orElse(RUSSIAN);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = supported(locale == null ? null : locale.getLanguage()).orElse(RUSSIAN);
        Cookie cookie = new Cookie(COOKIE, supported.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(COOKIE, supported);
    }

    /** The supported locale for a language tag such as {@code en}, {@code ru-RU} or {@code EN}. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof Locale locale) {
            return Optional.of(locale);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> fromHeader(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
