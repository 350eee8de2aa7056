-- Payments received from customers (by hand, from a bank statement, online) and what each was allocated to. The money
-- itself lives in the ledger (PAYMENT, ALLOCATION and REFUND entries); these tables say where it came from, which
-- invoices it paid, and why a payment still waits (unmatched, pending online).

-- A bank statement file as uploaded: kept for the history of imports, with what became of each document in it.
create table payments.bank_statement (
    id            bigint generated always as identity primary key,
    file_name     text        not null check (length(file_name) <= 300),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint      not null,
    encoding      text,
    account       text,
    period_from   date,
    period_to     date,
    -- refused as a whole (wrong encoding, not a 1C exchange file, empty): the message key and nothing imported
    refused_key   text,
    refused_args  text[]      not null default '{}',
    documents     int         not null default 0,
    imported      int         not null default 0,
    unmatched     int         not null default 0,
    duplicates    int         not null default 0,
    skipped       int         not null default 0,
    errors        int         not null default 0,
    uploaded_by   bigint      not null references platform.user_account (id),
    uploaded_at   timestamptz not null default now()
);
create index bank_statement_uploaded_idx on payments.bank_statement (uploaded_at desc);

create table payments.payment (
    id               bigint generated always as identity primary key,
    -- null while nobody knows whose money it is (an unmatched bank payment waiting in review)
    legal_entity_id  bigint         references customers.legal_entity (id),
    source           text           not null check (source in ('MANUAL', 'BANK_STATEMENT', 'ONLINE')),
    -- PENDING: an online payment started, waiting for the provider; DECLINED: the provider said no (nothing posted);
    -- UNMATCHED: received, waiting for staff to say whose it is; POSTED: in the ledger
    status           text           not null check (status in ('PENDING', 'DECLINED', 'UNMATCHED', 'POSTED')),
    amount           numeric(19, 2) not null check (amount > 0),
    currency         text           not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    received_on      date           not null,
    payer_inn        text           check (length(payer_inn) <= 12),
    payer_name       text           check (length(payer_name) <= 500),
    payer_account    text           check (length(payer_account) <= 34),
    purpose          text           check (length(purpose) <= 1000),
    bank_doc_number  text           check (length(bank_doc_number) <= 40),
    bank_doc_date    date,
    -- what makes the same payment the same: a bank document's payer account, number, date and amount; a form's token;
    -- an online payment's provider reference. Nothing is imported twice.
    dedupe_key       text           not null unique check (length(dedupe_key) <= 200),
    -- why the matcher decided as it did (message key and arguments), shown in the review screen and the list
    match_key        text,
    match_args       text[]         not null default '{}',
    statement_id     bigint         references payments.bank_statement (id),
    -- online payments: the provider, its reference and the invoice the buyer chose to pay
    provider         text,
    provider_ref     text,
    invoice_id       bigint,
    registered_by    bigint         references platform.user_account (id),
    registered_at    timestamptz    not null default now(),
    posted_at        timestamptz,
    check ((status = 'POSTED') = (posted_at is not null)),
    check (status <> 'POSTED' or legal_entity_id is not null)
);
create index payment_entity_idx on payments.payment (legal_entity_id, received_on desc);
create index payment_status_idx on payments.payment (status, received_on desc);
create unique index payment_provider_uq on payments.payment (provider, provider_ref) where provider is not null;

-- Money of a payment (or of the entity's advance) applied to an invoice, or refunded (invoice null). Each row is one
-- part of a ledger entry: PAYMENT (when the payment was posted), ALLOCATION (an advance applied later), REFUND.
create table payments.allocation (
    id              bigint generated always as identity primary key,
    payment_id      bigint         references payments.payment (id),
    legal_entity_id bigint         not null references customers.legal_entity (id),
    kind            text           not null check (kind in ('PAYMENT', 'ALLOCATION', 'REFUND')),
    invoice_id      bigint,
    amount          numeric(19, 2) not null check (amount > 0),
    journal_id      bigint         not null,
    created_by      bigint         references platform.user_account (id),
    created_at      timestamptz    not null default now(),
    check ((kind = 'REFUND') = (invoice_id is null))
);
create index allocation_payment_idx on payments.allocation (payment_id);
create index allocation_invoice_idx on payments.allocation (invoice_id);

-- What became of each document of a statement file.
create table payments.bank_statement_line (
    statement_id    bigint  not null references payments.bank_statement (id),
    line_no         int     not null,
    doc_number      text,
    doc_date        date,
    amount          numeric(19, 2),
    payer_inn       text,
    payer_name      text,
    -- POSTED, UNMATCHED, DUPLICATE, SKIPPED (outgoing or another account), ERROR
    result          text    not null check (result in ('POSTED', 'UNMATCHED', 'DUPLICATE', 'SKIPPED', 'ERROR')),
    message_key     text    not null,
    message_args    text[]  not null default '{}',
    payment_id      bigint  references payments.payment (id),
    primary key (statement_id, line_no)
);

-- The sandbox payment provider's own book (it stands for an outside service): what it was asked to collect and what
-- its payer did on its page.
create table payments.sandbox_payment (
    token        text           primary key,
    amount       numeric(19, 2) not null,
    currency     text           not null,
    description  text           not null,
    callback_url text           not null,
    return_url   text           not null,
    state        text           not null default 'NEW' check (state in ('NEW', 'SUCCEEDED', 'DECLINED', 'TIMED_OUT')),
    created_at   timestamptz    not null default now()
);
