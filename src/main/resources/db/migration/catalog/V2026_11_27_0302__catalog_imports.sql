-- Bulk import of products and stock: a job per uploaded file, run in the background by whichever node claims it
-- (select ... for update skip locked). The upload is kept here, not in platform.blob, which takes only PDF/JPEG/PNG.

create table catalog.import_file (
    id         bigint generated always as identity primary key,
    file_name  text not null,
    sha256     text not null,
    size       bigint not null,
    content    bytea not null
);

create table catalog.import_job (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('PRODUCTS', 'STOCK')),
    file_id         bigint not null references catalog.import_file (id) on delete cascade,
    file_name       text not null,
    dry_run         boolean not null,
    status          text not null default 'QUEUED'
                    check (status in ('QUEUED', 'VALIDATING', 'VALIDATED', 'APPLYING', 'DONE', 'FAILED')),
    -- set on a VALIDATED dry run by "apply"; the worker then validates again and writes, in one transaction
    apply_requested boolean not null default false,
    total_rows      int not null default 0,
    processed_rows  int not null default 0,
    created_count   int not null default 0,
    updated_count   int not null default 0,
    unchanged_count int not null default 0,
    error_count     int not null default 0,
    -- a problem with the whole file (encoding, unknown column, not an XLSX): message key and arguments
    failure_key     text,
    failure_args    text[] not null default '{}',
    created_by      bigint not null references platform.user_account (id),
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_job_pending_idx on catalog.import_job (id) where status in ('QUEUED', 'VALIDATED');
create index import_job_recent_idx on catalog.import_job (created_at desc);

-- Per-row results: every error (up to a cap) and the first rows of each other outcome, as a sample.
create table catalog.import_row_result (
    job_id      bigint not null references catalog.import_job (id) on delete cascade,
    row_no      int not null,
    outcome     text not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'ERROR')),
    sku         text,
    message_key text,
    args        text[] not null default '{}'
);
create index import_row_result_job_idx on catalog.import_row_result (job_id, row_no);
