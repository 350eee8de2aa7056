-- CRM team and satisfaction: departments of the seller's sales staff (so analytics can slice by department and
-- manager), the satisfaction questions asked of customers (a 1-5 rating after a delivery, the periodic NPS
-- question to customer administrators) and every answer, including the ratings of closed claims.

create table crm.department (
    id          bigint generated always as identity primary key,
    name        text        not null unique check (length(btrim(name)) between 1 and 120),
    head_id     bigint      references platform.user_account (id),
    parent_id   bigint      references crm.department (id),
    created_at  timestamptz not null default now(),
    check (parent_id is null or parent_id <> id)
);

-- a member of staff belongs to at most one department
create table crm.department_member (
    user_id       bigint primary key references platform.user_account (id),
    department_id bigint not null references crm.department (id) on delete cascade,
    added_at      timestamptz not null default now()
);
create index department_member_by_department on crm.department_member (department_id);

-- One question to one customer user: answered once, through a random one-time token, before it expires.
create table crm.satisfaction_request (
    id            bigint generated always as identity primary key,
    kind          text        not null check (kind in ('DELIVERY', 'NPS')),
    -- 32 random bytes, base64url: not guessable, not derived from anything
    token         text        not null unique check (length(token) between 20 and 100),
    company_id    bigint      not null references customers.company (id),
    user_id       bigint      not null references platform.user_account (id),
    -- DELIVERY: the order delivered
    order_id      bigint,
    order_number  text,
    -- NPS: the period the question belongs to (its first day); one question per user and period
    period_start  date,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    answered_at   timestamptz,
    check ((kind = 'DELIVERY') = (order_id is not null)),
    check ((kind = 'NPS') = (period_start is not null))
);
create unique index satisfaction_request_per_order on crm.satisfaction_request (order_id) where kind = 'DELIVERY';
create unique index satisfaction_request_per_period on crm.satisfaction_request (user_id, period_start) where kind = 'NPS';
create index satisfaction_request_open on crm.satisfaction_request (user_id, kind) where answered_at is null;

-- Every answer: a delivery rating and a claim rating are 1-5, an NPS answer 0-10.
create table crm.satisfaction_response (
    id            bigint generated always as identity primary key,
    source        text        not null check (source in ('DELIVERY', 'CLAIM', 'NPS')),
    company_id    bigint      not null references customers.company (id),
    request_id    bigint      unique references crm.satisfaction_request (id),
    -- CLAIM: the claim rated (one answer per claim: a redelivered ClaimRated adds nothing)
    claim_id      bigint      unique,
    user_id       bigint      references platform.user_account (id),
    -- what was rated, for people: the order or claim number
    subject       text        check (length(subject) <= 100),
    score         int         not null,
    comment       text        check (length(comment) <= 2000),
    answered_at   timestamptz not null default now(),
    check ((source = 'NPS' and score between 0 and 10) or (source <> 'NPS' and score between 1 and 5))
);
create index satisfaction_response_by_company on crm.satisfaction_response (company_id, answered_at desc);
create index satisfaction_response_by_time on crm.satisfaction_response (answered_at);
