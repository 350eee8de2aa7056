-- The double-entry ledger of receivables: every invoice, payment, credit note and refund is one journal entry whose
-- postings sum to zero. Balances are sums of postings; nothing stores a balance. Postings and entries are never
-- changed or deleted (the triggers below refuse it): a mistake is corrected by another entry.

create table ledger.journal (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('INVOICE', 'INVOICE_CANCELLED', 'PAYMENT', 'ALLOCATION',
                                                         'CREDIT_NOTE', 'REFUND', 'ADJUSTMENT')),
    legal_entity_id bigint      not null references customers.legal_entity (id),
    -- the accounting date (a bank statement's payment date, an invoice's date)
    occurred_on     date        not null,
    -- what the entry records: a document (invoice, credit note) and/or a payment of another module
    document_id     bigint,
    payment_id      bigint,
    memo            text        check (length(memo) <= 500),
    posted_by       bigint      references platform.user_account (id),
    posted_at       timestamptz not null default now()
);
create index journal_entity_idx on ledger.journal (legal_entity_id, occurred_on, id);
create index journal_document_idx on ledger.journal (document_id) where document_id is not null;
create index journal_payment_idx on ledger.journal (payment_id) where payment_id is not null;

create table ledger.posting (
    id              bigint generated always as identity primary key,
    journal_id      bigint         not null references ledger.journal (id),
    -- RECEIVABLE (62), SALES (90.01), SALES_RETURNS (90, returns and price reductions), VAT (68.02), BANK (51)
    account         text           not null check (account in ('RECEIVABLE', 'SALES', 'VAT', 'BANK', 'SALES_RETURNS')),
    legal_entity_id bigint         not null references customers.legal_entity (id),
    -- the open item a receivable posting belongs to: the invoice (a document id); null = not allocated (an advance)
    item_id         bigint,
    currency        text           not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    -- debit positive, credit negative
    amount          numeric(19, 2) not null check (amount <> 0)
);
create index posting_journal_idx on ledger.posting (journal_id);
create index posting_entity_idx on ledger.posting (legal_entity_id, account);
create index posting_item_idx on ledger.posting (item_id) where item_id is not null;

create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger %: % is not allowed; post a correcting entry instead', tg_table_name, lower(tg_op)
        using errcode = 'P0001';
end $$;

create trigger posting_append_only before update or delete on ledger.posting
    for each row execute function ledger.refuse_change();
create trigger posting_no_truncate before truncate on ledger.posting
    for each statement execute function ledger.refuse_change();
create trigger journal_append_only before update or delete on ledger.journal
    for each row execute function ledger.refuse_change();
create trigger journal_no_truncate before truncate on ledger.journal
    for each statement execute function ledger.refuse_change();

-- Every entry balances: checked at commit, when all its postings are in.
create function ledger.check_balanced() returns trigger language plpgsql as $$
declare
    total numeric;
begin
    select sum(amount) into total from ledger.posting where journal_id = new.journal_id;
    if total <> 0 then
        raise exception 'ledger entry % does not balance: postings sum to %', new.journal_id, total
            using errcode = 'P0001';
    end if;
    return null;
end $$;

create constraint trigger posting_balanced after insert on ledger.posting
    deferrable initially deferred for each row execute function ledger.check_balanced();
