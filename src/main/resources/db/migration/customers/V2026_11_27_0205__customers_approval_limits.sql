-- What a buyer may order without an approver: per order and per calendar month (gross, the contract's currency).
-- No row, or a null amount, means no limit of that kind. Set by the company's administrator.
create table customers.approval_limit (
    company_id  bigint        not null,
    user_id     bigint        not null,
    per_order   numeric(15,2) check (per_order >= 0),
    per_month   numeric(15,2) check (per_month >= 0),
    currency    char(3)       not null default 'RUB',
    updated_by  bigint        not null references platform.user_account (id),
    updated_at  timestamptz   not null default now(),
    primary key (company_id, user_id),
    foreign key (user_id, company_id) references customers.membership (user_id, company_id)
);
