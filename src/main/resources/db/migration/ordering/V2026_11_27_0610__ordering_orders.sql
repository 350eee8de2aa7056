-- Orders: what a checkout turns one or several carts into, with a snapshot of every line's product and price, what
-- the catalog reserved for it and what is backordered, its shipments and a history of who did what when.

-- 2026-000123: the year of placing and a number that never repeats
create sequence ordering.order_number_seq;

create table ordering.orders (
    id              bigint generated always as identity primary key,
    number          text           not null unique,
    company_id      bigint         not null references customers.company (id),
    legal_entity_id bigint         not null references customers.legal_entity (id),
    -- the buyer, or the member of staff who placed it on the customer's behalf
    placed_by       bigint         not null references platform.user_account (id),
    channel         text           not null check (channel in ('PORTAL', 'ON_BEHALF', 'API', 'STANDING_ORDER', 'EDI',
                                                               'PUNCHOUT')),
    status          text           not null check (status in ('AWAITING_APPROVAL', 'PLACED', 'CONFIRMED',
                                                              'IN_FULFILMENT', 'PARTIALLY_SHIPPED', 'SHIPPED',
                                                              'DELIVERED', 'COMPLETED', 'CANCELLED')),
    po_number       text           check (length(po_number) <= 50),
    comment         text           check (length(comment) <= 2000),
    desired_date    date,
    -- the contract's terms when the order was placed
    payment_terms   text           not null check (payment_terms in ('PREPAYMENT', 'DEFERRAL')),
    deferral_days   int            not null default 0,
    contract_number text,
    currency        text           not null check (currency ~ '^[A-Z]{3}$'),
    total_net       numeric(19, 2) not null,
    total_vat       numeric(19, 2) not null,
    total_gross     numeric(19, 2) not null,
    -- the delivery address of every line that does not name its own (a split)
    address_id      bigint         references customers.address (id),
    address_text    text,
    source_cart_ids bigint[]       not null default '{}',
    cancel_reason   text           check (length(cancel_reason) <= 500),
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    version         int            not null default 0
);
create index orders_entity_idx on ordering.orders (legal_entity_id, created_at desc);
create index orders_company_idx on ordering.orders (company_id, created_at desc);
create index orders_status_idx on ordering.orders (status, created_at desc);
-- the credit check sums the open orders of one legal entity
create index orders_open_idx on ordering.orders (legal_entity_id) where status not in ('CANCELLED', 'COMPLETED');

create table ordering.order_line (
    id            bigint generated always as identity primary key,
    order_id      bigint         not null references ordering.orders (id) on delete cascade,
    line_no       int            not null,
    product_id    bigint         not null references catalog.product (id),
    sku           text           not null,
    name          text           not null,
    name_en       text,
    unit_code     text,
    unit_name     text,
    quantity      numeric(19, 3) not null check (quantity > 0 and quantity <= 1000000000),
    unit_net      numeric(19, 4) not null,
    unit_gross    numeric(19, 4) not null,
    vat_rate      text,
    line_net      numeric(19, 2) not null,
    line_vat      numeric(19, 2) not null,
    line_gross    numeric(19, 2) not null,
    price_source  text,
    promotion     text,
    -- reserved + backordered + shipped = quantity while the order is open
    reserved      numeric(19, 3) not null default 0 check (reserved >= 0),
    backordered   numeric(19, 3) not null default 0 check (backordered >= 0),
    expected_date date,
    shipped       numeric(19, 3) not null default 0 check (shipped >= 0),
    -- a line of a split delivery goes to its own address
    address_id    bigint         references customers.address (id),
    address_text  text,
    unique (order_id, line_no)
);
create index order_line_product_idx on ordering.order_line (product_id);

-- Who did what when: placed, confirmed, shipped 20 of 30, cancelled "customer called"...
create table ordering.order_event (
    id          bigint generated always as identity primary key,
    order_id    bigint      not null references ordering.orders (id) on delete cascade,
    at          timestamptz not null default now(),
    actor_id    bigint      references platform.user_account (id),
    action      text        not null,
    from_status text,
    to_status   text,
    comment     text
);
create index order_event_order_idx on ordering.order_event (order_id, id);

create table ordering.shipment (
    id         bigint generated always as identity primary key,
    order_id   bigint      not null references ordering.orders (id) on delete cascade,
    number     int         not null,
    shipped_at timestamptz not null default now(),
    shipped_by bigint      not null references platform.user_account (id),
    unique (order_id, number)
);

create table ordering.shipment_line (
    shipment_id   bigint         not null references ordering.shipment (id) on delete cascade,
    order_line_id bigint         not null references ordering.order_line (id) on delete cascade,
    quantity      numeric(19, 3) not null check (quantity > 0),
    primary key (shipment_id, order_line_id)
);

-- An Idempotency-Key of a user (or the one-time token of a checkout form): the same key with the same request gets
-- the same orders back; with another request it is refused.
create table ordering.idempotency_key (
    user_id      bigint      not null references platform.user_account (id),
    key          text        not null check (length(key) between 1 and 200),
    request_hash text        not null,
    order_ids    bigint[]    not null default '{}',
    created_at   timestamptz not null default now(),
    primary key (user_id, key)
);

-- emptying a cart at checkout is a line change like any other
alter table ordering.cart_event drop constraint cart_event_source_check;
alter table ordering.cart_event add constraint cart_event_source_check
    check (source in ('CART', 'CATALOG', 'QUICK_ENTRY', 'PASTE', 'FILE', 'API', 'MOVE', 'COPY', 'DUPLICATE', 'ORDER'));
