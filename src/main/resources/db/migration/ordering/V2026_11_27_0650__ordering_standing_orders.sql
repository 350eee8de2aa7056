-- Standing orders: a buyer's lines repeated weekly or monthly. A scheduler on any node claims each due occurrence
-- once (row lock with skip locked, then a unique occurrence per date) and places it at the prices of that day, or
-- holds it for the buyer's review when a price rose more than the buyer allows or the stock is short.
create table ordering.standing_order (
    id                 bigint generated always as identity primary key,
    name               text          not null check (length(name) between 1 and 200),
    company_id         bigint        not null references customers.company (id),
    legal_entity_id    bigint        not null references customers.legal_entity (id),
    owner_id           bigint        not null references platform.user_account (id),
    frequency          text          not null check (frequency in ('WEEKLY', 'MONTHLY')),
    day_of_week        smallint      check (day_of_week between 1 and 7),
    day_of_month       smallint      check (day_of_month between 1 and 28),
    next_date          date          not null,
    ends_on            date,
    status             text          not null default 'ACTIVE'
                                     check (status in ('ACTIVE', 'PAUSED', 'CANCELLED', 'ENDED')),
    max_price_rise_pct numeric(5, 2) not null default 5 check (max_price_rise_pct between 0 and 100),
    address_id         bigint        references customers.address (id),
    po_number          text          check (length(po_number) <= 50),
    comment            text          check (length(comment) <= 2000),
    source             text          not null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    check ((frequency = 'WEEKLY') = (day_of_week is not null)),
    check ((frequency = 'MONTHLY') = (day_of_month is not null)),
    check (ends_on is null or ends_on >= next_date or status <> 'ACTIVE')
);
create index standing_order_entity_idx on ordering.standing_order (legal_entity_id, id);
create index standing_order_due_idx on ordering.standing_order (next_date) where status = 'ACTIVE';

create table ordering.standing_order_line (
    standing_order_id bigint         not null references ordering.standing_order (id) on delete cascade,
    line_no           int            not null,
    product_id        bigint         not null references catalog.product (id),
    sku               text           not null,
    quantity          numeric(19, 3) not null check (quantity > 0 and quantity <= 1000000000),
    -- the unit price with VAT the buyer last agreed to: when the order was set up, then at each placed occurrence
    agreed_unit_gross numeric(19, 4),
    primary key (standing_order_id, line_no)
);

create table ordering.standing_occurrence (
    id                bigint generated always as identity primary key,
    standing_order_id bigint      not null references ordering.standing_order (id) on delete cascade,
    due_date          date        not null,
    status            text        not null check (status in ('PROCESSING', 'PLACED', 'WAITING_REVIEW', 'SKIPPED')),
    -- why it waits: [{"code": "PRICE_ROSE", "sku": …, "agreed": …, "now": …, "percent": …}, …]
    reasons           jsonb       not null default '[]',
    order_id          bigint      references ordering.orders (id),
    claimed_at        timestamptz not null default now(),
    resolved_at       timestamptz,
    resolved_by       bigint      references platform.user_account (id),
    unique (standing_order_id, due_date)
);
create index standing_occurrence_stale_idx on ordering.standing_occurrence (claimed_at) where status = 'PROCESSING';
