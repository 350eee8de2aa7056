-- Customers: companies, their legal entities, who may act for which, delivery addresses, contracts.

create table customers.customer_group (
    id         bigint generated always as identity primary key,
    code       text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name       text not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);

create table customers.company (
    id                 bigint generated always as identity primary key,
    name               text not null check (length(name) between 1 and 200),
    group_id           bigint references customers.customer_group (id),
    account_manager_id bigint references platform.user_account (id),
    created_at         timestamptz not null default now()
);
create index company_manager_idx on customers.company (account_manager_id);

create table customers.legal_entity (
    id                    bigint generated always as identity primary key,
    company_id            bigint not null references customers.company (id),
    name                  text not null check (length(name) between 1 and 300),
    legal_form            text not null check (legal_form in ('ORGANISATION', 'SOLE_PROPRIETOR', 'FOREIGN')),
    country               text not null default 'RU' check (country ~ '^[A-Z]{2}$'),
    inn                   text,
    kpp                   text,
    ogrn                  text,
    tax_id                text,
    legal_address         text not null check (length(legal_address) between 1 and 500),
    actual_address        text check (length(actual_address) <= 500),
    bik                   text,
    bank_name             text,
    settlement_account    text,
    correspondent_account text,
    vat_payer             boolean not null default true,
    status                text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason      text,
    verified_by           bigint references platform.user_account (id),
    verified_at           timestamptz,
    created_at            timestamptz not null default now(),
    constraint legal_entity_russian_ids check (
        (legal_form = 'FOREIGN' and country <> 'RU' and tax_id is not null and inn is null)
        or (legal_form = 'ORGANISATION' and country = 'RU' and inn ~ '^\d{10}$' and kpp ~ '^\d{4}[0-9A-Z]{2}\d{3}$')
        or (legal_form = 'SOLE_PROPRIETOR' and country = 'RU' and inn ~ '^\d{12}$' and kpp is null)),
    constraint legal_entity_rejection_has_reason check (status <> 'REJECTED' or rejection_reason is not null)
);
create index legal_entity_company_idx on customers.legal_entity (company_id);
-- One company per INN+KPP: a second registration is told to ask the existing admin for an invitation.
create unique index legal_entity_inn_kpp_key on customers.legal_entity (inn, coalesce(kpp, '')) where inn is not null;
create index legal_entity_pending_idx on customers.legal_entity (created_at) where status = 'PENDING';

-- Which company a customer account belongs to, and which of its legal entities it may act for.
create table customers.membership (
    user_id                 bigint not null references platform.user_account (id),
    company_id              bigint not null references customers.company (id),
    default_legal_entity_id bigint references customers.legal_entity (id),
    created_at              timestamptz not null default now(),
    primary key (user_id, company_id)
);
create index membership_company_idx on customers.membership (company_id);

create table customers.member_entity (
    user_id         bigint not null references platform.user_account (id),
    legal_entity_id bigint not null references customers.legal_entity (id),
    primary key (user_id, legal_entity_id)
);

create table customers.address (
    id              bigint generated always as identity primary key,
    legal_entity_id bigint not null references customers.legal_entity (id),
    label           text not null check (length(label) between 1 and 200),
    address         text not null check (length(address) between 1 and 500),
    contact_name    text check (length(contact_name) <= 200),
    contact_phone   text check (length(contact_phone) <= 50),
    is_default      boolean not null default false,
    archived        boolean not null default false,
    created_at      timestamptz not null default now()
);
create index address_entity_idx on customers.address (legal_entity_id) where not archived;
create unique index address_one_default on customers.address (legal_entity_id) where is_default and not archived;

-- The supply contract of a legal entity. No row: the default terms (prepayment, base price type).
create table customers.contract (
    id               bigint generated always as identity primary key,
    legal_entity_id  bigint not null unique references customers.legal_entity (id),
    number           text not null check (length(number) between 1 and 50),
    starts_on        date not null,
    ends_on          date,
    price_type       text not null default 'base' check (length(price_type) between 1 and 50),
    payment_terms    text not null check (payment_terms in ('PREPAYMENT', 'DEFERRAL')),
    deferral_days    int not null default 0 check (deferral_days between 0 and 365),
    credit_limit     numeric(19, 4) not null default 0 check (credit_limit >= 0),
    min_order_amount numeric(19, 4) not null default 0 check (min_order_amount >= 0),
    currency         text not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    assortment       text check (length(assortment) <= 50),
    delivery_terms   text not null default 'DELIVERY' check (delivery_terms in ('PICKUP', 'DELIVERY', 'CARRIER')),
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    updated_at       timestamptz not null default now(),
    updated_by       bigint references platform.user_account (id),
    constraint contract_dates check (ends_on is null or ends_on >= starts_on),
    constraint contract_deferral check ((payment_terms = 'DEFERRAL') = (deferral_days > 0))
);
