package io.b2bportal.platform.imports;

import io.b2bportal.platform.PortalUser;

/**
 * One kind of import, implemented by the module that owns the data, as a Spring bean; the platform finds every
 * bean of this type. Its {@link #code()} is stored on each job ({@code platform.import_job.kind}), so it must never
 * change once jobs exist; a job whose code no running node knows waits in the queue.
 */
public interface ImportHandler {

    /** A stable code, {@code <module>.<what>}: {@code catalog.products}, {@code pricing.prices}. */
    String code();

    /** Who may upload, watch and apply jobs of this kind. */
    boolean permits(PortalUser user);

    /**
     * The target of one run (a dry run or an apply), created inside the run's transaction. Each run gets a new one:
     * a target keeps the state of one pass over the rows.
     */
    ImportTarget open(ImportRun run);
}
