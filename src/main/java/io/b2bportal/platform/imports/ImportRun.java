package io.b2bportal.platform.imports;

import java.util.Map;

/**
 * What a target knows about the run it serves: the job's options (as the module stored them on upload), whether
 * the source reads "1,5" as 1.5 by itself, where to report row errors, and who asked for it.
 */
public record ImportRun(String kind, Map<String, String> options, boolean sourceDecimalComma, RowIssues issues,
        long userId) {

    public ImportRun {
        options = Map.copyOf(options);
    }

    /** An option, or null. */
    public String option(String name) {
        return options.get(name);
    }

    /** An option that is "true". */
    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    /** A cell reader that accepts a decimal comma where the source allows one. */
    public Cells cells() {
        return new Cells(sourceDecimalComma, issues);
    }
}
