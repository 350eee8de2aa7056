-- Platform: the content-addressed blob store.

-- Uploaded files (founding documents, claim photos, PDFs), named by the SHA-256 of their bytes: the same
-- file uploaded twice is one row, and a name always means the same bytes, because rows never change.
create table platform.blob (
    sha256       text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size         bigint      not null check (size >= 0),
    content_type text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    content      bytea       not null check (octet_length(content) = size),
    created_at   timestamptz not null default now()
);
-- PDFs, JPEGs and PNGs are compressed already: store them out of line without compressing them again.
alter table platform.blob alter column content set storage external;

create function platform.blob_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'platform.blob rows are immutable: % refused', tg_op
        using errcode = 'integrity_constraint_violation',
              hint = 'A blob is named by its content; store new content as a new blob.';
end
$$;

create trigger blob_is_immutable before update or delete on platform.blob
    for each row execute function platform.blob_is_immutable();
create trigger blob_is_not_truncated before truncate on platform.blob
    for each statement execute function platform.blob_is_immutable();
