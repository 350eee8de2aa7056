package io.b2bportal.catalog.importing;

import io.b2bportal.shared.DomainException;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued imports in the background, one at a time per node, on the application's task executor so that a
 * long import never holds up the scheduler. Jobs are claimed with {@code for update skip locked}, so any number
 * of nodes may poll the same table. A job is started at once on the node that took the upload and otherwise
 * picked up by the poll.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Executor executor;
    private final AtomicBoolean busy = new AtomicBoolean();

    ImportWorker(ImportJobs jobs, ImportRunner runner, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.jobs = jobs;
        this.runner = runner;
        this.executor = executor;
    }

    @Scheduled(fixedDelayString = "${portal.catalog.imports.poll-interval:2s}")
    void poll() {
        nudge();
    }

    /** Starts draining the queue unless this node is already doing so. */
    void nudge() {
        if (busy.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    drain();
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    private void drain() {
        for (var job = jobs.claim(); job.isPresent(); job = jobs.claim()) {
            process(job.get());
        }
    }

    private void process(ImportJobs.Claimed job) {
        try {
            TableFile file = TableFile.of(job.fileName(), jobs.content(job.fileId()));
            ImportRunner.Result result = runner.run(job.kind(), ImportRunner.of(file), job.apply(),
                    processed -> jobs.progress(job.id(), processed), () -> jobs.status(job.id(), "APPLYING"));
            String status = result.errorCount() > 0 ? "FAILED" : result.applied() ? "DONE" : "VALIDATED";
            jobs.finish(job.id(), status, result);
        } catch (DomainException e) {
            jobs.fail(job.id(), e.messageKey(), Arrays.stream(e.arguments()).map(String::valueOf).toList());
        } catch (RuntimeException e) {
            log.error("Import job {} failed", job.id(), e);
            jobs.fail(job.id(), "catalog.import.file.failed", java.util.List.of(String.valueOf(e.getMessage())));
        }
    }
}
