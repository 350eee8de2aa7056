-- Claims (рекламации): a buyer's complaint about shipped goods, per order line and quantity, with its files, the
-- thread with the seller, the seller's internal notes (a table of their own: nothing buyer-facing ever reads it),
-- every status change with who and when, and what resolved it.

-- РК-2026-00042: gap-free enough for people to quote on the phone, never reused
create sequence claims.claim_number_seq;

create table claims.claim (
    id                   bigint generated always as identity primary key,
    number               text           not null unique,
    order_id             bigint         not null references ordering.orders (id),
    order_number         text           not null,
    company_id           bigint         not null references customers.company (id),
    legal_entity_id      bigint         not null references customers.legal_entity (id),
    opened_by            bigint         not null references platform.user_account (id),
    type                 text           not null check (type in ('DEFECT', 'DAMAGED_PACKAGING', 'SHORTAGE', 'SURPLUS',
                                                                 'WRONG_ITEM', 'QUALITY_MISMATCH', 'OTHER')),
    remedy               text           not null check (remedy in ('REPLACEMENT', 'REPAIR', 'PRICE_REDUCTION', 'REFUND',
                                                                   'COMPENSATION')),
    -- the amount of losses a buyer demands compensated; only with remedy COMPENSATION
    compensation         numeric(19, 2) check (compensation > 0 and compensation <= 1000000000),
    description          text           not null check (length(description) between 1 and 4000),
    status               text           not null check (status in ('NEW', 'IN_REVIEW', 'WAITING_FOR_BUYER', 'ACCEPTED',
                                                                   'PARTLY_ACCEPTED', 'REJECTED', 'RESOLVED', 'CLOSED')),
    reject_reason        text           check (length(reject_reason) <= 2000),
    assignee_id          bigint         references platform.user_account (id),
    -- the SLA, fixed when the claim is opened (portal.claims.response-hours, portal.claims.resolution-days)
    response_due         timestamptz    not null,
    resolution_due       timestamptz    not null,
    responded_at         timestamptz,
    resolution           text           check (resolution in ('REPLACEMENT', 'RETURN', 'CREDIT_NOTE')),
    replacement_order_id bigint         references ordering.orders (id),
    replacement_number   text,
    credit_note_id       bigint,
    credit_note_number   text,
    return_status        text           check (return_status in ('AWAITING', 'RECEIVED')),
    return_received_at   timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    rating               int            check (rating between 1 and 5),
    rating_comment       text           check (length(rating_comment) <= 2000),
    rated_at             timestamptz,
    created_at           timestamptz    not null default now(),
    updated_at           timestamptz    not null default now(),
    check (status <> 'REJECTED' or reject_reason is not null),
    check ((remedy = 'COMPENSATION') = (compensation is not null)),
    check (rating is null or status = 'CLOSED')
);
create index claim_entity_idx on claims.claim (legal_entity_id, created_at desc);
create index claim_order_idx on claims.claim (order_id);
create index claim_open_idx on claims.claim (resolution_due) where status not in ('RESOLVED', 'CLOSED', 'REJECTED');

create table claims.claim_line (
    claim_id      bigint         not null references claims.claim (id),
    order_line_id bigint         not null references ordering.order_line (id),
    line_no       int            not null,
    product_id    bigint         not null references catalog.product (id),
    sku           text           not null,
    name          text           not null,
    unit_name     text,
    quantity      numeric(19, 3) not null check (quantity > 0),
    -- what the seller accepted of it (all, part or nothing), set by the decision
    accepted      numeric(19, 3) check (accepted >= 0 and accepted <= quantity),
    primary key (claim_id, order_line_id)
);
create index claim_line_order_line_idx on claims.claim_line (order_line_id);

-- The thread: messages of the buyer and of the seller's staff; both sides read all of it
create table claims.message (
    id        bigint generated always as identity primary key,
    claim_id  bigint      not null references claims.claim (id),
    author_id bigint      not null references platform.user_account (id),
    staff     boolean     not null,
    body      text        not null check (length(body) between 1 and 4000),
    at        timestamptz not null default now()
);
create index message_claim_idx on claims.message (claim_id, id);

-- The seller's internal notes: never read by anything the buyer sees
create table claims.internal_note (
    id        bigint generated always as identity primary key,
    claim_id  bigint      not null references claims.claim (id),
    author_id bigint      not null references platform.user_account (id),
    body      text        not null check (length(body) between 1 and 4000),
    at        timestamptz not null default now()
);
create index internal_note_claim_idx on claims.internal_note (claim_id, id);

-- Photos and files of the claim (kind PHOTO or FILE), the acceptance act (ACT) and files of thread messages
create table claims.claim_file (
    id           bigint generated always as identity primary key,
    claim_id     bigint      not null references claims.claim (id),
    message_id   bigint      references claims.message (id),
    kind         text        not null check (kind in ('PHOTO', 'FILE', 'ACT', 'MESSAGE')),
    file_name    text        not null check (length(file_name) between 1 and 255),
    blob_sha256  text        not null references platform.blob (sha256),
    content_type text        not null,
    size         bigint      not null,
    uploaded_by  bigint      not null references platform.user_account (id),
    uploaded_at  timestamptz not null default now(),
    check ((kind = 'MESSAGE') = (message_id is not null))
);
create index claim_file_claim_idx on claims.claim_file (claim_id, id);

-- Who did what when: opened, in review, asked the buyer, accepted, assigned, replacement order 2026-000123...
create table claims.claim_event (
    id          bigint generated always as identity primary key,
    claim_id    bigint      not null references claims.claim (id),
    at          timestamptz not null default now(),
    actor_id    bigint      references platform.user_account (id),
    action      text        not null,
    from_status text,
    to_status   text,
    comment     text
);
create index claim_event_claim_idx on claims.claim_event (claim_id, id);
