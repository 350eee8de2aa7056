package io.b2bportal.pricing.engine;

import java.util.Locale;

/** A name in Russian with an optional English one, for explanation steps rendered in the reader's language. */
public record Label(String name, String nameEn) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }

    @Override
    public String toString() {
        return name;
    }
}
