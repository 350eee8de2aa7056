-- Platform: user accounts, API keys, login throttling, seller settings, event publications.
-- Migration versions are dates plus a sequence (V<yyyy>_<mm>_<dd>_<nnnn>__<module>_<what>.sql) so that
-- modules written in parallel never collide; every module keeps its tables in its own schema.

create table platform.user_account (
    id             bigint generated always as identity primary key,
    email          text        not null check (email = lower(email) and length(email) between 3 and 254),
    password_hash  text,
    display_name   text        not null check (length(display_name) between 1 and 200),
    side           text        not null check (side in ('CUSTOMER', 'SELLER')),
    roles          text[]      not null,
    locale         text        check (locale in ('ru', 'en')),
    enabled        boolean     not null default true,
    demo           boolean     not null default false,
    created_at     timestamptz not null default now(),
    constraint user_account_roles_known check (
        roles <@ array['CUSTOMER_ADMIN', 'BUYER', 'APPROVER', 'ACCOUNTANT',
                       'ADMIN', 'SALES_HEAD', 'ACCOUNT_MANAGER', 'OPERATIONS', 'SELLER_ACCOUNTANT', 'CATALOG_MANAGER']),
    constraint user_account_roles_of_side check (
        (side = 'CUSTOMER' and roles <@ array['CUSTOMER_ADMIN', 'BUYER', 'APPROVER', 'ACCOUNTANT'])
        or (side = 'SELLER' and roles <@ array['ADMIN', 'SALES_HEAD', 'ACCOUNT_MANAGER', 'OPERATIONS',
                                               'SELLER_ACCOUNTANT', 'CATALOG_MANAGER']))
);
create unique index user_account_email_key on platform.user_account (email);

-- Keys are shown once; we keep only the SHA-256 of the whole token and a short prefix to recognise it.
create table platform.api_key (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references platform.user_account (id),
    name         text        not null check (length(name) between 1 and 100),
    prefix       text        not null,
    secret_hash  bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_key_user_idx on platform.api_key (user_id);

-- Failed sign-ins per account ('account:<email>') and per client address ('ip:<addr>').
create table platform.login_failure (
    key               text primary key,
    failures          int         not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);

-- The seller that runs this portal (one row).
create table platform.seller (
    id         int primary key default 1 check (id = 1),
    name       text not null,
    legal_name text not null,
    inn        text,
    kpp        text,
    email      text,
    phone      text
);

-- Spring Modulith's event publication registry (schema v2), so events survive a crash.
create table platform.event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on platform.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on platform.event_publication (completion_date);
