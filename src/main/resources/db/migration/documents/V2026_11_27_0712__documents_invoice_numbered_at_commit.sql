-- An invoice is issued in the transaction that places its order but takes its gap-free number in a short transaction
-- right after that one commits (documents/invoice/InvoiceNumbering): the yearly counter row is then locked for a
-- moment instead of for a whole checkout. Until numbered (milliseconds; after a crash, until the sweep at start-up
-- or the next minute) an invoice has neither number nor seq. The number is set once and never changes after.

alter table documents.document alter column number drop not null;
alter table documents.document alter column seq drop not null;
alter table documents.document add constraint document_numbered_together check ((number is null) = (seq is null));
alter table documents.document add constraint document_only_invoices_wait check (number is not null or kind = 'INVOICE');
create index document_unnumbered_idx on documents.document (order_id) where number is null;

create or replace function documents.guard_document() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'documents are never deleted (document %)', old.id using errcode = 'P0001';
    end if;
    if (to_jsonb(new) - 'status' - 'pdf_sha256' - 'pdf_en_sha256' - 'number' - 'seq')
            is distinct from (to_jsonb(old) - 'status' - 'pdf_sha256' - 'pdf_en_sha256' - 'number' - 'seq')
       or (old.number is not null and (new.number is distinct from old.number or new.seq is distinct from old.seq))
       or (new.status is distinct from old.status and old.status <> 'ISSUED')
       or (new.pdf_sha256 is distinct from old.pdf_sha256 and old.pdf_sha256 is not null)
       or (new.pdf_en_sha256 is distinct from old.pdf_en_sha256 and old.pdf_en_sha256 is not null) then
        raise exception 'document % is issued and cannot change; issue a new version instead', old.id
            using errcode = 'P0001';
    end if;
    return new;
end $$;
