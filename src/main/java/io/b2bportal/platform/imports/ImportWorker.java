package io.b2bportal.platform.imports;

import io.b2bportal.shared.DomainException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued imports in the background, one at a time per node, on the application's task executor so that a
 * long import never holds up the scheduler. Jobs are claimed with {@code for update skip locked}, so any number of
 * nodes may poll the same table. A job is started at once on the node that took the upload and otherwise picked up
 * by the poll.
 *
 * <p>While a job runs, a heartbeat thread stamps it every {@code portal.imports.heartbeat}; each poll also takes
 * back the jobs whose heartbeat is older than {@code portal.imports.lease} (their node stopped) and queues them again,
 * up to {@code portal.imports.max-attempts} starts of the same step.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    /** The job was taken over by another node while this one was still at it: stop, write nothing. */
    static final class LeaseLost extends RuntimeException {

        LeaseLost(long id) {
            super("import job " + id + " was taken over by another node");
        }
    }

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Executor executor;
    private final Map<String, ImportHandler> handlers;
    private final Duration heartbeat;
    private final Duration lease;
    private final int maxAttempts;
    private final String node;
    private final AtomicBoolean busy = new AtomicBoolean();

    ImportWorker(ImportJobs jobs, ImportRunner runner, @Qualifier("applicationTaskExecutor") Executor executor,
            List<ImportHandler> handlers, @Value("${portal.imports.heartbeat:5s}") Duration heartbeat,
            @Value("${portal.imports.lease:2m}") Duration lease,
            @Value("${portal.imports.max-attempts:3}") int maxAttempts) {
        if (heartbeat.compareTo(lease.dividedBy(3)) > 0) {
            throw new IllegalStateException("portal.imports.heartbeat (" + heartbeat
                    + ") must be at most a third of portal.imports.lease (" + lease + ")");
        }
        this.jobs = jobs;
        this.runner = runner;
        this.executor = executor;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ImportHandler::code, Function.identity()));
        this.heartbeat = heartbeat;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${portal.imports.poll-interval:2s}")
    void poll() {
        requeueAbandoned();
        nudge();
    }

    void requeueAbandoned() {
        for (ImportJobs.Abandoned job : jobs.requeueAbandoned(lease, maxAttempts)) {
            if (job.status().equals(ImportJob.FAILED)) {
                log.warn("Import job {} was abandoned by its node {} times and is given up", job.id(), job.attempts());
            } else {
                log.warn("Import job {} was abandoned by its node (attempt {}) and is queued again", job.id(),
                        job.attempts());
            }
        }
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
        for (var job = jobs.claim(handlers.keySet(), node); job.isPresent(); job = jobs.claim(handlers.keySet(), node)) {
            process(job.get());
        }
    }

    private void process(ImportJobs.Claimed job) {
        Heartbeat beat = new Heartbeat(job);
        try {
            TableFile file = TableFile.of(job.fileName(), jobs.content(job.fileId()));
            ImportResult result = runner.run(handlers.get(job.kind()), file, job.options(), job.userId(), job.apply(),
                    new ImportRunner.Listener() {
                        @Override
                        public void progress(int rows) {
                            beat.check();
                            if (!jobs.progress(job.id(), job.attempt(), rows)) {
                                throw new LeaseLost(job.id());
                            }
                        }

                        @Override
                        public void applying() {
                            if (!jobs.applying(job.id(), job.attempt())) {
                                throw new LeaseLost(job.id());
                            }
                        }

                        @Override
                        public void applied(ImportResult applied) {
                            // last thing before the commit: if the job is no longer ours, roll the writing back
                            if (!jobs.finish(job.id(), job.attempt(), ImportJob.DONE, applied)) {
                                throw new LeaseLost(job.id());
                            }
                        }
                    });
            if (!result.applied()) {
                String status = result.errorCount() > 0 ? ImportJob.FAILED : ImportJob.VALIDATED;
                if (!jobs.finish(job.id(), job.attempt(), status, result)) {
                    log.warn("Import job {} was taken over by another node; its result here is dropped", job.id());
                }
            }
        } catch (LeaseLost e) {
            log.warn("{}; this node stops and writes nothing", e.getMessage());
        } catch (DomainException e) {
            jobs.fail(job.id(), job.attempt(), e.messageKey(), Arrays.stream(e.arguments()).map(String::valueOf).toList());
        } catch (RuntimeException e) {
            log.error("Import job {} failed", job.id(), e);
            jobs.fail(job.id(), job.attempt(), "imports.file.failed", List.of(String.valueOf(e.getMessage())));
        } finally {
            beat.stop();
        }
    }

    /** Stamps the job while it runs, from its own thread: an apply may spend minutes in one statement. */
    private final class Heartbeat {

        private final ImportJobs.Claimed job;
        // a latch, not an interrupt: interrupting a thread inside a JDBC call would close its connection
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile boolean lost;

        Heartbeat(ImportJobs.Claimed job) {
            this.job = job;
            Thread.ofVirtual().name("import-heartbeat-" + job.id()).start(this::beat);
        }

        private void beat() {
            while (true) {
                try {
                    if (stopped.await(heartbeat.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    if (!jobs.heartbeat(job.id(), job.attempt())) {
                        lost = true;
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // the database is briefly unreachable: try again on the next beat; the lease is three beats long
                    log.warn("Heartbeat of import job {} failed: {}", job.id(), e.toString());
                }
            }
        }

        void check() {
            if (lost) {
                throw new LeaseLost(job.id());
            }
        }

        void stop() {
            stopped.countDown();
        }
    }
}
