-- One-time tokens mailed to people: e-mail confirmation after self-registration, invitations to a company.
-- Only the SHA-256 of a token is stored; the link in the mail is the only copy of the token itself.
create table customers.account_token (
    token_hash      bytea primary key,
    purpose         text        not null check (purpose in ('CONFIRM_EMAIL', 'INVITATION')),
    user_id         bigint      not null references platform.user_account (id),
    company_id      bigint references customers.company (id),
    legal_entity_ids bigint[]   not null default '{}',
    roles           text[]      not null default '{}',
    invited_by      bigint references platform.user_account (id),
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index account_token_user_idx on customers.account_token (user_id);
alter table customers.membership add column phone text check (length(phone) <= 50);
