-- Carts: many named carts per user and legal entity, shared with colleagues of the same legal entity, with a history
-- of every line change. Checkout (a later migration) turns one or several carts into an order.

create table ordering.cart (
    id              bigint generated always as identity primary key,
    legal_entity_id bigint      not null references customers.legal_entity (id),
    owner_id        bigint      not null references platform.user_account (id),
    name            text        not null check (length(btrim(name)) between 1 and 100),
    -- OPEN while lines are collected; checkout adds its own states (ordered, merged into an order)
    status          text        not null default 'OPEN' check (status in ('OPEN')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    updated_by      bigint references platform.user_account (id)
);
-- the names of one user's open carts of one legal entity tell them apart
create unique index cart_name_uq on ordering.cart (owner_id, legal_entity_id, lower(name)) where status = 'OPEN';
create index cart_entity_idx on ordering.cart (legal_entity_id, owner_id);

-- A colleague who acts for the same legal entity may see and change the lines (not rename, delete or share).
create table ordering.cart_share (
    cart_id   bigint      not null references ordering.cart (id) on delete cascade,
    user_id   bigint      not null references platform.user_account (id),
    shared_by bigint      not null references platform.user_account (id),
    shared_at timestamptz not null default now(),
    primary key (cart_id, user_id)
);
create index cart_share_user_idx on ordering.cart_share (user_id);

-- The cart a user adds to from the catalog, the header and quick order, per legal entity.
create table ordering.current_cart (
    user_id         bigint not null references platform.user_account (id),
    legal_entity_id bigint not null references customers.legal_entity (id),
    cart_id         bigint not null references ordering.cart (id) on delete cascade,
    primary key (user_id, legal_entity_id)
);

create table ordering.cart_line (
    id         bigint generated always as identity primary key,
    cart_id    bigint         not null references ordering.cart (id) on delete cascade,
    product_id bigint         not null references catalog.product (id),
    quantity   numeric(19, 3) not null check (quantity > 0 and quantity <= 1000000000),
    -- the buyer accepted that what is beyond stock ships later (only where the product allows backorders)
    backorder  boolean        not null default false,
    added_by   bigint         not null references platform.user_account (id),
    added_at   timestamptz    not null default now(),
    updated_by bigint         not null references platform.user_account (id),
    updated_at timestamptz    not null default now(),
    unique (cart_id, product_id)
);

-- Who changed what: one row per line added, changed or removed, with where the change came from.
create table ordering.cart_event (
    id           bigint generated always as identity primary key,
    cart_id      bigint         not null references ordering.cart (id) on delete cascade,
    product_id   bigint         not null references catalog.product (id),
    actor_id     bigint         not null references platform.user_account (id),
    at           timestamptz    not null default now(),
    action       text           not null check (action in ('ADDED', 'CHANGED', 'REMOVED')),
    old_quantity numeric(19, 3),
    new_quantity numeric(19, 3),
    source       text           not null check (source in ('CART', 'CATALOG', 'QUICK_ENTRY', 'PASTE', 'FILE', 'API',
                                                           'MOVE', 'COPY', 'DUPLICATE')),
    -- the other cart of a move or copy
    other_cart   text
);
create index cart_event_cart_idx on ordering.cart_event (cart_id, id desc);

-- A quick-order review: what a paste, a file or a catalog row asked for, line by line, resolved against the catalog and
-- kept until the buyer confirms it (or it expires), so that a 10,000-line review survives the confirm click.
create table ordering.review (
    id              uuid        primary key,
    cart_id         bigint      not null references ordering.cart (id) on delete cascade,
    user_id         bigint      not null references platform.user_account (id),
    legal_entity_id bigint      not null references customers.legal_entity (id),
    source          text        not null check (source in ('CATALOG', 'QUICK_ENTRY', 'PASTE', 'FILE', 'API')),
    lines           int         not null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    confirmed_at    timestamptz
);
create index review_expires_idx on ordering.review (expires_at);

create table ordering.review_line (
    review_id         uuid           not null references ordering.review (id) on delete cascade,
    line_no           int            not null,
    -- the input lines (paste) or rows (file) merged into this one
    source_lines      int[]          not null,
    raw_sku           text,
    raw_quantity      text,
    product_id        bigint,
    sku               text,
    name              text,
    name_en           text,
    unit_code         text,
    unit_name         text,
    pack_multiple     numeric(19, 3),
    min_order_qty     numeric(19, 3),
    requested         numeric(19, 3),
    quantity          numeric(19, 3),
    available         numeric(19, 3),
    backorder_allowed boolean        not null default false,
    status            text           not null,
    issues            text[]         not null default '{}',
    -- why the line cannot be added (a message key of i18n/ordering) and its arguments
    reason            text,
    reason_args       text[]         not null default '{}',
    suggestions       text[]         not null default '{}',
    successor_sku     text,
    action            text           not null check (action in ('ADD', 'SKIP', 'TAKE_AVAILABLE', 'BACKORDER')),
    primary key (review_id, line_no)
);
