-- Documents the seller issues to a legal entity: invoices for payment, transfer documents (УПД), credit notes and
-- reconciliation acts. A document never changes once issued: a correction is a new version with the same number that
-- refers to the one it replaces (which becomes SUPERSEDED). Numbers come from gap-free yearly sequences per kind.

create table documents.number_sequence (
    kind        text not null,
    year        int  not null,
    last_number int  not null,
    primary key (kind, year)
);

create table documents.document (
    id              bigint generated always as identity primary key,
    kind            text           not null check (kind in ('INVOICE', 'TRANSFER', 'CREDIT_NOTE', 'RECONCILIATION')),
    -- as printed: СЧ-2026-00042; every version of a document keeps it
    number          text           not null,
    year            int            not null,
    seq             int            not null check (seq > 0),
    version         int            not null default 1 check (version > 0),
    replaces_id     bigint         references documents.document (id),
    -- ISSUED (current), SUPERSEDED (a newer version replaced it), CANCELLED (its order was cancelled)
    status          text           not null default 'ISSUED' check (status in ('ISSUED', 'SUPERSEDED', 'CANCELLED')),
    issued_on       date           not null,
    -- an invoice's payment due date
    due_on          date,
    legal_entity_id bigint         not null references customers.legal_entity (id),
    company_id      bigint         not null references customers.company (id),
    order_id        bigint         references ordering.orders (id),
    order_number    text,
    -- a transfer document's shipment (1, 2, …) of the order
    shipment_no     int,
    -- the invoice a transfer document or a credit note refers to
    invoice_id      bigint         references documents.document (id),
    payment_terms   text           check (payment_terms in ('PREPAYMENT', 'DEFERRAL')),
    currency        text           not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    total_net       numeric(19, 2) not null default 0,
    total_vat       numeric(19, 2) not null default 0,
    total_gross     numeric(19, 2) not null default 0,
    -- a reconciliation act's period
    period_from     date,
    period_to       date,
    -- the parties' requisites as they were on the day of issue
    seller          jsonb          not null,
    buyer           jsonb          not null,
    -- what only some kinds need (a credit note's reason, an act's movements)
    details         jsonb          not null default '{}',
    -- the rendered PDFs (platform.blob), set once after issue; a viewer downloads exactly the hashed file
    pdf_sha256      text           check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    pdf_en_sha256   text           check (pdf_en_sha256 ~ '^[0-9a-f]{64}$'),
    created_by      bigint         references platform.user_account (id),
    created_at      timestamptz    not null default now(),
    unique (kind, year, seq, version)
);
-- one current invoice per order
create unique index document_current_invoice_uq on documents.document (order_id)
    where kind = 'INVOICE' and status = 'ISSUED';
-- one transfer document per shipment (current version)
create unique index document_current_transfer_uq on documents.document (order_id, shipment_no)
    where kind = 'TRANSFER' and status = 'ISSUED';
create index document_entity_idx on documents.document (legal_entity_id, kind, issued_on desc);
create index document_company_idx on documents.document (company_id, issued_on desc);
create index document_number_idx on documents.document (number);
create index document_open_invoice_idx on documents.document (due_on) where kind = 'INVOICE' and status = 'ISSUED';

create table documents.document_line (
    document_id bigint         not null references documents.document (id),
    line_no     int            not null,
    sku         text,
    name        text           not null,
    name_en     text,
    unit_code   text,
    unit_name   text,
    quantity    numeric(19, 3),
    unit_net    numeric(19, 4),
    unit_gross  numeric(19, 4),
    vat_rate    text,
    line_net    numeric(19, 2) not null,
    line_vat    numeric(19, 2) not null,
    line_gross  numeric(19, 2) not null,
    primary key (document_id, line_no)
);

-- Issued means immutable: only the status may move on (ISSUED → SUPERSEDED or CANCELLED) and each PDF's hash be set
-- once; lines never change; nothing is deleted.
create function documents.guard_document() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'documents are never deleted (document %)', old.id using errcode = 'P0001';
    end if;
    if (to_jsonb(new) - 'status' - 'pdf_sha256' - 'pdf_en_sha256')
            is distinct from (to_jsonb(old) - 'status' - 'pdf_sha256' - 'pdf_en_sha256')
       or (new.status is distinct from old.status and old.status <> 'ISSUED')
       or (new.pdf_sha256 is distinct from old.pdf_sha256 and old.pdf_sha256 is not null)
       or (new.pdf_en_sha256 is distinct from old.pdf_en_sha256 and old.pdf_en_sha256 is not null) then
        raise exception 'document % is issued and cannot change; issue a new version instead', old.id
            using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger document_immutable before update or delete on documents.document
    for each row execute function documents.guard_document();

create function documents.refuse_line_change() returns trigger language plpgsql as $$
begin
    raise exception 'lines of an issued document cannot change' using errcode = 'P0001';
end $$;
create trigger document_line_immutable before update or delete on documents.document_line
    for each row execute function documents.refuse_line_change();
