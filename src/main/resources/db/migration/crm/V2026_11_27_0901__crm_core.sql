-- CRM core: what several parts of the CRM share. The client timeline (one row per thing that happened to a
-- customer company, written from the other modules' events and from the CRM's own actions), the client's
-- people (contacts with their decision-making-unit roles), activities (calls, meetings, mails, tasks, notes),
-- pipelines with stages and the deals on them. Leads, rules, surveys and the team have migrations of their own.

create table crm.timeline_entry (
    id            bigint generated always as identity primary key,
    company_id    bigint      not null references customers.company (id),
    legal_entity_id bigint    references customers.legal_entity (id),
    occurred_at   timestamptz not null,
    -- ORDER, INVOICE, PAYMENT, SHIPMENT, CLAIM, DOCUMENT, REGISTRATION, CREDIT, ACTIVITY, DEAL, RATING, ...
    kind          text        not null check (kind ~ '^[A-Z_]{2,40}$'),
    -- what happened, as a message key of bundle crm-timeline, e.g. crm.timeline.order.placed
    event         text        not null check (length(event) between 1 and 120),
    -- the message arguments (strings), in order
    args          jsonb       not null default '[]'::jsonb check (jsonb_typeof(args) = 'array'),
    -- the object it links to: ('ORDER', 42) -> /admin/orders/42 and so on
    object_type   text        check (object_type ~ '^[A-Z_]{2,40}$'),
    object_id     bigint,
    actor_id      bigint      references platform.user_account (id),
    -- at most one entry per source event: a redelivered event adds nothing
    dedupe_key    text        not null unique check (length(dedupe_key) between 1 and 200),
    recorded_at   timestamptz not null default now()
);
create index timeline_by_company on crm.timeline_entry (company_id, occurred_at desc, id desc);
create index timeline_by_kind on crm.timeline_entry (company_id, kind, occurred_at desc);

create table crm.contact (
    id              bigint generated always as identity primary key,
    company_id      bigint      not null references customers.company (id),
    full_name       text        not null check (length(btrim(full_name)) between 1 and 200),
    position        text        check (length(position) <= 200),
    -- decision-making unit: SPONSOR, DECISION_MAKER, INFLUENCER, SPECIALIST, USER
    dmu_role        text        not null check (dmu_role in ('SPONSOR', 'DECISION_MAKER', 'INFLUENCER', 'SPECIALIST', 'USER')),
    phone           text        check (length(phone) <= 40),
    email           text        check (length(email) <= 254),
    preferred_channel text      check (preferred_channel in ('PHONE', 'EMAIL', 'MESSENGER', 'MEETING')),
    notes           text        check (length(notes) <= 4000),
    -- a contact may or may not be a portal user
    user_id         bigint      references platform.user_account (id),
    archived        boolean     not null default false,
    created_at      timestamptz not null default now(),
    created_by      bigint      references platform.user_account (id),
    unique (company_id, user_id)
);
create index contact_by_company on crm.contact (company_id) where not archived;

create table crm.pipeline (
    id          bigint generated always as identity primary key,
    code        text    not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name        text    not null check (length(btrim(name)) between 1 and 120),
    archived    boolean not null default false,
    created_at  timestamptz not null default now()
);

create table crm.pipeline_stage (
    id          bigint generated always as identity primary key,
    pipeline_id bigint  not null references crm.pipeline (id),
    code        text    not null check (code ~ '^[a-z0-9-]{2,40}$'),
    name        text    not null check (length(btrim(name)) between 1 and 120),
    position    int     not null check (position >= 0),
    -- the default probability of a deal entering the stage, percent
    probability int     not null check (probability between 0 and 100),
    -- OPEN, WON or LOST: a deal in a WON or LOST stage is closed
    outcome     text    not null default 'OPEN' check (outcome in ('OPEN', 'WON', 'LOST')),
    unique (pipeline_id, code),
    unique (pipeline_id, position) deferrable initially deferred
);

create table crm.deal (
    id              bigint generated always as identity primary key,
    pipeline_id     bigint         not null references crm.pipeline (id),
    stage_id        bigint         not null references crm.pipeline_stage (id),
    company_id      bigint         references customers.company (id),
    -- a deal with a lead that is not a customer yet (crm.lead, migration of the leads part)
    lead_id         bigint,
    title           text           not null check (length(btrim(title)) between 1 and 200),
    amount          numeric(19, 2) not null default 0 check (amount >= 0 and amount <= 1000000000000),
    currency        text           not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
    expected_close  date,
    probability     int            not null check (probability between 0 and 100),
    source          text           check (source in ('WEBSITE', 'REFERRAL', 'EXHIBITION', 'COLD_CALL', 'PORTAL',
                                                     'EXISTING_CLIENT', 'OTHER')),
    owner_id        bigint         not null references platform.user_account (id),
    lost_reason     text           check (length(lost_reason) <= 1000),
    -- the order of cards inside a board column
    rank            int            not null default 0,
    version         int            not null default 0,
    created_at      timestamptz    not null default now(),
    stage_changed_at timestamptz   not null default now(),
    closed_at       timestamptz,
    check (company_id is not null or lead_id is not null)
);
create index deal_by_stage on crm.deal (pipeline_id, stage_id, rank, id);
create index deal_by_company on crm.deal (company_id);
create index deal_by_owner on crm.deal (owner_id) where closed_at is null;

create table crm.deal_stage_history (
    id          bigint generated always as identity primary key,
    deal_id     bigint      not null references crm.deal (id),
    from_stage  bigint      references crm.pipeline_stage (id),
    to_stage    bigint      not null references crm.pipeline_stage (id),
    moved_by    bigint      references platform.user_account (id),
    -- null: a person; otherwise the rule that moved it
    rule_id     bigint,
    moved_at    timestamptz not null default now()
);
create index deal_history_by_deal on crm.deal_stage_history (deal_id, moved_at);

create table crm.deal_contact (
    deal_id    bigint not null references crm.deal (id),
    contact_id bigint not null references crm.contact (id),
    dmu_role   text   not null check (dmu_role in ('SPONSOR', 'DECISION_MAKER', 'INFLUENCER', 'SPECIALIST', 'USER')),
    primary key (deal_id, contact_id)
);

-- Calls, meetings, mails, tasks and notes: a note is done when written; the others may be planned with a due
-- time, a reminder, an assignee, and are completed with an outcome.
create table crm.activity (
    id            bigint generated always as identity primary key,
    type          text        not null check (type in ('CALL', 'MEETING', 'EMAIL', 'TASK', 'NOTE')),
    company_id    bigint      references customers.company (id),
    deal_id       bigint      references crm.deal (id),
    lead_id       bigint,
    contact_id    bigint      references crm.contact (id),
    subject       text        not null check (length(btrim(subject)) between 1 and 300),
    details       text        check (length(details) <= 4000),
    assignee_id   bigint      not null references platform.user_account (id),
    due_at        timestamptz,
    remind_at     timestamptz,
    reminded_at   timestamptz,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    outcome       text        check (length(outcome) <= 2000),
    completed_at  timestamptz,
    created_by    bigint      references platform.user_account (id),
    -- the rule that created it, if any (crm.rule, migration of the rules part)
    rule_id       bigint,
    -- one automatic task per rule and source event: a redelivered event creates nothing new
    dedupe_key    text        unique check (length(dedupe_key) <= 200),
    created_at    timestamptz not null default now(),
    check ((status = 'OPEN') = (completed_at is null))
);
create index activity_open_by_assignee on crm.activity (assignee_id, due_at) where status = 'OPEN';
create index activity_by_company on crm.activity (company_id, created_at desc);
create index activity_reminders on crm.activity (remind_at) where status = 'OPEN' and reminded_at is null;
