-- Automatic tasks and low-code rules: a rule is "when <trigger> [and <conditions on the trigger's fields>] then
-- <actions>". Editing a rule writes a new version; every execution records the version it ran and the source
-- event's key, once per (rule, version, event). The built-in rules are on from the start on every installation.

create table crm.rule (
    id              bigint generated always as identity primary key,
    -- the built-in rules have a code; the ones people write have none
    code            text        unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name            text        not null check (length(btrim(name)) between 1 and 200),
    enabled         boolean     not null default true,
    current_version int         not null default 1 check (current_version >= 1),
    created_at      timestamptz not null default now(),
    created_by      bigint      references platform.user_account (id),
    updated_at      timestamptz not null default now()
);

create table crm.rule_version (
    rule_id     bigint      not null references crm.rule (id),
    version     int         not null check (version >= 1),
    -- a trigger code of the catalog (crm.rules.TriggerCatalog), e.g. ORDER_PLACED, CART_UNTOUCHED
    trigger     text        not null check (trigger ~ '^[A-Z_]{2,40}$'),
    -- for the scheduled triggers: after how many days
    days        int         check (days between 1 and 3650),
    -- [{"field": "gross", "op": "GT", "value": "100000"}, ...]: all must hold
    conditions  jsonb       not null default '[]'::jsonb check (jsonb_typeof(conditions) = 'array'),
    -- [{"kind": "TASK", ...}, ...]: at least one
    actions     jsonb       not null check (jsonb_typeof(actions) = 'array' and jsonb_array_length(actions) > 0),
    created_at  timestamptz not null default now(),
    created_by  bigint      references platform.user_account (id),
    primary key (rule_id, version)
);
create index rule_version_by_trigger on crm.rule_version (trigger);

create table crm.rule_execution (
    id          bigint generated always as identity primary key,
    rule_id     bigint      not null references crm.rule (id),
    version     int         not null,
    trigger     text        not null,
    -- the source event's key, e.g. order-placed:42; one execution per rule version and event
    event_key   text        not null check (length(event_key) between 1 and 200),
    company_id  bigint      references customers.company (id),
    outcome     text        not null check (outcome in ('SUCCESS', 'SKIPPED', 'FAILED')),
    message     text        check (length(message) <= 2000),
    executed_at timestamptz not null default now(),
    unique (rule_id, version, event_key),
    foreign key (rule_id, version) references crm.rule_version (rule_id, version)
);
create index rule_execution_recent on crm.rule_execution (executed_at desc, id desc);
create index rule_execution_by_rule on crm.rule_execution (rule_id, executed_at desc);

alter table crm.activity add constraint activity_rule_fk foreign key (rule_id) references crm.rule (id);

-- The built-in rules, on from the start.
insert into crm.rule (code, name) values
    ('new-registration', 'Новая регистрация — позвонить новому клиенту'),
    ('invoice-overdue', 'Счёт просрочен — позвонить об оплате'),
    ('claim-opened', 'Открыта рекламация — связаться с клиентом'),
    ('cart-untouched', 'Корзина без изменений 3 дня — напомнить'),
    ('churn-risk', 'Постоянный клиент без заказов 30 дней — риск ухода');

insert into crm.rule_version (rule_id, version, trigger, days, actions)
select r.id, 1, v.trigger, v.days, v.actions::jsonb
  from crm.rule r
  join (values
    ('new-registration', 'CUSTOMER_REGISTERED', null::int,
     '[{"kind": "TASK", "activityType": "CALL", "subject": "Позвонить новому клиенту: {companyName}", "dueHours": 4, "recipient": "ON_DUTY"}]'),
    ('invoice-overdue', 'INVOICE_OVERDUE', null,
     '[{"kind": "TASK", "activityType": "CALL", "subject": "Позвонить об оплате счёта {number} ({daysOverdue} дн. просрочки)", "dueHours": 24, "recipient": "ACCOUNT_MANAGER"}]'),
    ('claim-opened', 'CLAIM_OPENED', null,
     '[{"kind": "TASK", "activityType": "CALL", "subject": "Связаться с клиентом по рекламации {number}", "dueHours": 8, "recipient": "ACCOUNT_MANAGER"}]'),
    ('cart-untouched', 'CART_UNTOUCHED', 3,
     '[{"kind": "TASK", "activityType": "TASK", "subject": "Напомнить о корзине «{cartName}» ({lines} поз.)", "dueHours": 24, "recipient": "ACCOUNT_MANAGER"}]'),
    ('churn-risk', 'NO_ORDER_FOR', 30,
     '[{"kind": "TASK", "activityType": "CALL", "subject": "Риск ухода: нет заказов {daysSinceLastOrder} дн.", "dueHours": 48, "recipient": "ACCOUNT_MANAGER"}]')
  ) as v(code, trigger, days, actions) on v.code = r.code;
