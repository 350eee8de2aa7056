-- Customers: founding documents of a legal entity (charter, registration and tax certificates, powers of
-- attorney) that the buyer uploads and the seller reviews.

-- The file itself is a platform.blob, named by the SHA-256 of its bytes. A document is never overwritten:
-- replacing one means uploading a new row, so what the seller accepted stays exactly what was accepted.
create table customers.founding_document (
    id              bigint generated always as identity primary key,
    legal_entity_id bigint      not null references customers.legal_entity (id),
    doc_type        text        not null check (doc_type in ('CHARTER', 'REGISTRATION_CERTIFICATE', 'TAX_CERTIFICATE',
                                                             'POWER_OF_ATTORNEY', 'OTHER')),
    title           text        not null check (length(title) between 1 and 300),
    file_name       text        not null check (length(file_name) between 1 and 255),
    blob_sha256     text        not null references platform.blob (sha256),
    content_type    text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size            bigint      not null check (size > 0),
    uploaded_by     bigint      not null references platform.user_account (id),
    uploaded_at     timestamptz not null default now(),
    review_status   text        not null default 'PENDING' check (review_status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    reviewed_by     bigint references platform.user_account (id),
    reviewed_at     timestamptz,
    review_comment  text check (length(review_comment) <= 1000),
    constraint founding_document_reviewed check (
        (review_status = 'PENDING') = (reviewed_by is null and reviewed_at is null)),
    constraint founding_document_rejection_has_comment check (
        review_status <> 'REJECTED' or length(btrim(coalesce(review_comment, ''))) > 0)
);
create index founding_document_entity_idx on customers.founding_document (legal_entity_id, uploaded_at desc);
create index founding_document_pending_idx on customers.founding_document (uploaded_at) where review_status = 'PENDING';

-- Only the review may change; the file, its name and who uploaded it are fixed when the row is written.
create function customers.founding_document_file_is_immutable() returns trigger language plpgsql as $$
begin
    if (new.legal_entity_id, new.doc_type, new.title, new.file_name, new.blob_sha256, new.content_type, new.size,
        new.uploaded_by, new.uploaded_at)
       is distinct from
       (old.legal_entity_id, old.doc_type, old.title, old.file_name, old.blob_sha256, old.content_type, old.size,
        old.uploaded_by, old.uploaded_at) then
        raise exception 'customers.founding_document % keeps its file: upload a new document instead', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;

create trigger founding_document_file_is_immutable before update on customers.founding_document
    for each row execute function customers.founding_document_file_is_immutable();
