package io.b2bportal.platform.imports;

import io.b2bportal.platform.PortalUser;
import io.b2bportal.shared.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Imports as background jobs, for the module that owns a kind of import: queue an upload (a dry run first, or
 * check-and-apply at once), request the apply of a checked dry run, read jobs and their reports; and run a batch
 * (rows a module received as JSON) at once. Whoever calls must be allowed by the kind's {@link ImportHandler}.
 */
@Service
public class Imports {

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportWorker worker;
    private final Map<String, ImportHandler> handlers;

    Imports(ImportJobs jobs, ImportRunner runner, ImportWorker worker, List<ImportHandler> handlers) {
        this.jobs = jobs;
        this.runner = runner;
        this.worker = worker;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ImportHandler::code, Function.identity()));
    }

    /**
     * Queues a file as a job of {@code kind}. The file must be readable as a table (a known format, a known text
     * encoding): that is refused now; everything else the job reports. {@code options} are kept with the job and
     * given to each run.
     */
    public long submit(PortalUser user, String kind, String fileName, byte[] content, boolean dryRun,
            Map<String, String> options) {
        ImportHandler handler = permitted(user, kind);
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        TableFile file = TableFile.of(name, content);
        long id = jobs.create(handler.code(), name, content, dryRun, options, file.estimatedRows(), user.id());
        worker.nudge();
        return id;
    }

    /** Applies a checked dry run in the background: it is checked again and written in one transaction. */
    public void apply(PortalUser user, long id) {
        job(user, id);
        if (!jobs.requestApply(id)) {
            throw DomainException.conflict("import-not-applicable", "imports.apply.notApplicable", id);
        }
        worker.nudge();
    }

    /** A job the user may see. */
    public ImportJob job(PortalUser user, long id) {
        ImportJob job = jobs.find(id).orElseThrow(() -> DomainException.notFound("import job", id));
        permitted(user, job.kind());
        return job;
    }

    /** A job the user may see, of one of {@code kinds} (a module's page shows only its own jobs). */
    public ImportJob job(PortalUser user, long id, Collection<String> kinds) {
        ImportJob job = job(user, id);
        if (!kinds.contains(job.kind())) {
            throw DomainException.notFound("import job", id);
        }
        return job;
    }

    /** The newest jobs of the given kinds, those the user may see. */
    public List<ImportJob> recent(PortalUser user, Collection<String> kinds, int limit) {
        kinds.forEach(kind -> permitted(user, kind));
        return jobs.recent(kinds, limit);
    }

    /** The report of a job: the first errors (in row order), then the sample of other outcomes. */
    public List<ImportRowResult> rows(ImportJob job) {
        return jobs.rows(job.id());
    }

    /** Checks and applies rows at once, in the caller's thread and one transaction; nothing is written on error. */
    public ImportResult applyNow(PortalUser user, String kind, RowSource rows, Map<String, String> options) {
        return runner.run(permitted(user, kind), rows, options, user.id(), true, ImportRunner.Listener.NONE);
    }

    /** Refuses (403) a user whom the handler of {@code kind} does not allow; an unknown kind is a 422. */
    public void requirePermitted(PortalUser user, String kind) {
        permitted(user, kind);
    }

    private ImportHandler permitted(PortalUser user, String kind) {
        ImportHandler handler = handlers.get(kind);
        if (handler == null) {
            throw DomainException.invalid("import-kind", "imports.kind.unknown", kind);
        }
        if (user == null || !handler.permits(user)) {
            throw new DomainException(403, "forbidden", "problem.forbidden.detail");
        }
        return handler;
    }
}
