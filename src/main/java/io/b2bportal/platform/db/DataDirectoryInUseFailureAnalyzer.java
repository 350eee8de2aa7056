package io.b2bportal.platform.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "the data directory is taken" into Spring Boot's short start-up failure report, not a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage().lines().findFirst().orElse(cause.getMessage()),
                cause.getMessage().lines().skip(1).reduce("", (a, b) -> a + b), cause);
    }
}
