-- Pricing: the rules a buyer's price is resolved from at request time. Nothing here is precomputed per customer:
-- a changed row is the price of the next request, with no index to rebuild.
--
-- Resolution, most specific first (docs/pricing.md):
--   contract price of the legal entity for the SKU
--   → the price type named by the entity's contract (customers.contract.price_type)
--   → the price type of the company's customer group (pricing.group_price_type)
--   → the base price type ('base')
-- then the best applicable promotion, then VAT per line.

-- A price list: explicit prices per product, in one currency, with or without VAT.
create table pricing.price_list (
    id           bigint generated always as identity primary key,
    code         text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
    name         text not null check (length(name) between 1 and 200),
    currency     text not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    includes_vat boolean not null default true,
    updated_at   timestamptz not null default now(),
    updated_by   bigint references platform.user_account (id)
);

-- Prices of a list; more than one row per product are quantity tiers: the price from min_qty units on.
create table pricing.price (
    price_list_id bigint not null references pricing.price_list (id) on delete cascade,
    product_id    bigint not null references catalog.product (id),
    min_qty       numeric(19, 3) not null default 1 check (min_qty > 0),
    amount        numeric(19, 4) not null check (amount >= 0),
    updated_at    timestamptz not null default now(),
    primary key (price_list_id, product_id, min_qty)
);
create index price_product_idx on pricing.price (product_id);

-- A price type is either a price list, or another price type adjusted by a percentage or a fixed amount per unit
-- and rounded. Derived types chain; a cycle is refused by the application (and cannot be inserted in one step).
create table pricing.price_type (
    code            text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
    name            text not null check (length(name) between 1 and 200),
    name_en         text check (length(name_en) <= 200),
    price_list_id   bigint references pricing.price_list (id),
    parent_code     text references pricing.price_type (code),
    adjustment_kind text check (adjustment_kind in ('PERCENT', 'AMOUNT')),
    -- PERCENT: -10 is 10 % below the parent; AMOUNT: -5.00 is 5 roubles a unit below it
    adjustment      numeric(19, 4),
    -- KOPECK (0.01), ROUBLE (1), TEN_ROUBLES (10), NINETY (to the nearest whole rouble, then .90 below it)
    rounding        text not null default 'KOPECK' check (rounding in ('KOPECK', 'ROUBLE', 'TEN_ROUBLES', 'NINETY')),
    updated_at      timestamptz not null default now(),
    updated_by      bigint references platform.user_account (id),
    constraint price_type_list_or_parent check ((price_list_id is null) <> (parent_code is null)),
    constraint price_type_adjustment check ((parent_code is null) = (adjustment_kind is null)
        and (adjustment_kind is null) = (adjustment is null)),
    constraint price_type_not_own_parent check (parent_code <> code),
    constraint price_type_percent_range check (adjustment_kind <> 'PERCENT' or adjustment > -100)
);

-- The price type of a customer group (the step between the contract's type and the base).
create table pricing.group_price_type (
    group_id        bigint primary key references customers.customer_group (id),
    price_type_code text not null references pricing.price_type (code)
);

-- Prices agreed with one legal entity for single products: the most specific rule of all.
create table pricing.contract_price (
    legal_entity_id bigint not null references customers.legal_entity (id),
    product_id      bigint not null references catalog.product (id),
    amount          numeric(19, 4) not null check (amount >= 0),
    currency        text not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    includes_vat    boolean not null default true,
    updated_at      timestamptz not null default now(),
    updated_by      bigint references platform.user_account (id),
    primary key (legal_entity_id, product_id)
);

-- Promotions: a time window, whom they are for, what they cover, what they do, and when they apply.
create table pricing.promotion (
    id                   bigint generated always as identity primary key,
    name                 text not null check (length(name) between 1 and 200),
    name_en              text check (length(name_en) <= 200),
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    -- EVERYONE, or only the groups / companies listed in promotion_target
    target               text not null check (target in ('EVERYONE', 'GROUPS', 'COMPANIES')),
    -- PERCENT_OFF: value % off; AMOUNT_OFF: value off a unit; SPECIAL_PRICE: the unit costs value
    -- (amounts in the currency and VAT basis of the price they replace)
    effect               text not null check (effect in ('PERCENT_OFF', 'AMOUNT_OFF', 'SPECIAL_PRICE')),
    value                numeric(19, 4) not null check (value >= 0),
    min_line_qty         numeric(19, 3) check (min_line_qty > 0),
    min_order_amount     numeric(19, 4) check (min_order_amount > 0),
    priority             int not null default 0,
    -- false: a product with a contract price keeps its contract price unless the promotion is lower;
    -- true: the promotion applies to the contract price itself
    stacks_with_contract boolean not null default false,
    active               boolean not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    updated_by           bigint references platform.user_account (id),
    constraint promotion_window check (ends_at > starts_at),
    constraint promotion_percent check (effect <> 'PERCENT_OFF' or value <= 100)
);
create index promotion_running_idx on pricing.promotion (ends_at, starts_at) where active;

create table pricing.promotion_target (
    promotion_id bigint not null references pricing.promotion (id) on delete cascade,
    group_id     bigint references customers.customer_group (id),
    company_id   bigint references customers.company (id),
    constraint promotion_target_one check ((group_id is null) <> (company_id is null))
);
create index promotion_target_idx on pricing.promotion_target (promotion_id);

create table pricing.promotion_scope (
    promotion_id bigint not null references pricing.promotion (id) on delete cascade,
    product_id   bigint references catalog.product (id),
    category_id  bigint references catalog.category (id),
    brand        text check (length(brand) between 1 and 100),
    constraint promotion_scope_one check (num_nonnulls(product_id, category_id, brand) = 1)
);
create index promotion_scope_idx on pricing.promotion_scope (promotion_id);

-- The base price list and the base price type always exist: they are where every resolution ends.
insert into pricing.price_list (code, name, currency, includes_vat) values ('base', 'Базовый прайс-лист', 'RUB', true);
insert into pricing.price_type (code, name, name_en, price_list_id)
select 'base', 'Базовая', 'Base', id from pricing.price_list where code = 'base';
