-- Credit holds: a legal entity whose invoices are overdue beyond the configured number of days may not place new
-- orders until it pays (the hold is lifted) or a seller accountant releases it (audited). One row per hold period.

create table payments.credit_hold (
    id              bigint generated always as identity primary key,
    legal_entity_id bigint         not null references customers.legal_entity (id),
    placed_at       timestamptz    not null default now(),
    -- what put it there
    overdue         numeric(19, 2) not null,
    oldest_due_on   date           not null,
    -- ended by payment (lifted) or by a seller accountant (released, until a day)
    lifted_at       timestamptz,
    released_at     timestamptz,
    released_by     bigint         references platform.user_account (id),
    release_reason  text           check (length(release_reason) <= 500),
    released_until  date
);
-- at most one hold in force per legal entity
create unique index credit_hold_active_uq on payments.credit_hold (legal_entity_id)
    where lifted_at is null and released_at is null;
