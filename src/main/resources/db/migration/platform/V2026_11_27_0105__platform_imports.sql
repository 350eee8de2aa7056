-- Bulk imports of every module (catalog products and stock, price lists, ...): a job per uploaded file, run in the
-- background by whichever node claims it (select ... for update skip locked). The module that owns a kind of import
-- registers a handler with a code (catalog.products, pricing.prices); the kind column holds that code and the
-- application refuses codes no handler has, so a new kind needs no migration here.
-- The upload is kept here, not in platform.blob, which takes only PDF/JPEG/PNG.

create table platform.import_file (
    id         bigint generated always as identity primary key,
    file_name  text not null,
    sha256     text not null,
    size       bigint not null,
    content    bytea not null
);

create table platform.import_job (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind ~ '^[a-z][a-z0-9_-]*\.[a-z][a-z0-9_.-]*$'),
    file_id         bigint not null references platform.import_file (id) on delete cascade,
    file_name       text not null,
    dry_run         boolean not null,
    -- what the module asked for on upload (a price list, "remove what the file lacks"), given to every run
    options         jsonb not null default '{}',
    status          text not null default 'QUEUED'
                    check (status in ('QUEUED', 'VALIDATING', 'VALIDATED', 'APPLYING', 'DONE', 'FAILED')),
    -- set on a VALIDATED dry run by "apply"; the worker then validates again and writes, in one transaction
    apply_requested boolean not null default false,
    total_rows      int not null default 0,
    processed_rows  int not null default 0,
    created_count   int not null default 0,
    updated_count   int not null default 0,
    unchanged_count int not null default 0,
    removed_count   int not null default 0,
    error_count     int not null default 0,
    -- the node running the job stamps heartbeat_at every few seconds; a VALIDATING or APPLYING job whose stamp is
    -- older than the lease (portal.imports.lease) lost its node and is queued again. attempts counts the starts of
    -- the current step (check, or apply); every write of a running node names its attempt, so a node that was
    -- presumed dead but wakes up cannot overwrite the job another node took over.
    attempts        int not null default 0,
    claimed_by      text,
    heartbeat_at    timestamptz,
    -- a problem with the whole file (encoding, unknown column, not an XLSX, given up): message key and arguments
    failure_key     text,
    failure_args    text[] not null default '{}',
    created_by      bigint not null references platform.user_account (id),
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_job_pending_idx on platform.import_job (id) where status in ('QUEUED', 'VALIDATED');
create index import_job_running_idx on platform.import_job (heartbeat_at) where status in ('VALIDATING', 'APPLYING');
create index import_job_recent_idx on platform.import_job (kind, created_at desc);

-- The report of a job: every error (up to a cap) and a sample of each other outcome, in the order pages show them.
-- row_no is null for a stored row the import removes (it is not in the file); old_value -> new_value is the change.
create table platform.import_row_result (
    job_id      bigint not null references platform.import_job (id) on delete cascade,
    seq         int not null,
    row_no      int,
    outcome     text not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'REMOVED', 'ERROR')),
    scope       text,
    subject     text,
    detail      text,
    old_value   text,
    new_value   text,
    message_key text,
    args        text[] not null default '{}',
    primary key (job_id, seq)
);
