-- Leads: someone who may become a customer, before they are one. They come from a registration not verified yet,
-- from the public "request a call" form, from a CSV import or are typed in by a manager; a lead is qualified and
-- then converted into a customer company (with contacts) or disqualified with a reason.
create table crm.lead (
    id              bigint generated always as identity primary key,
    source          text        not null check (source in ('REGISTRATION', 'WEB_FORM', 'CSV_IMPORT', 'MANUAL')),
    company_name    text        check (length(company_name) <= 200),
    inn             text        check (inn ~ '^[0-9]{10}([0-9]{2})?$'),
    contact_name    text        check (length(contact_name) <= 200),
    phone           text        check (length(phone) <= 40),
    email           text        check (length(email) <= 254),
    message         text        check (length(message) <= 2000),
    status          text        not null default 'NEW'
                                check (status in ('NEW', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED')),
    disqualify_reason text      check (length(disqualify_reason) <= 1000),
    -- the account manager working it; null: anyone of the sales team may take it
    owner_id        bigint      references platform.user_account (id),
    -- the company that registered itself (source REGISTRATION), or the customer it was converted into
    company_id      bigint      references customers.company (id),
    -- one lead per registered company: a redelivered CustomerRegistered creates nothing new
    registration_company_id bigint unique references customers.company (id),
    -- the portal user who registered it (becomes the company's first contact on conversion)
    registered_user_id bigint   references platform.user_account (id),
    created_at      timestamptz not null default now(),
    created_by      bigint      references platform.user_account (id),
    converted_at    timestamptz,
    version         int         not null default 0,
    check (status <> 'DISQUALIFIED' or disqualify_reason is not null),
    check (coalesce(company_name, contact_name) is not null),
    check (phone is not null or email is not null or source in ('REGISTRATION', 'CSV_IMPORT', 'MANUAL'))
);
create index lead_by_status on crm.lead (status, created_at desc);
create index lead_by_owner on crm.lead (owner_id) where status in ('NEW', 'QUALIFIED');

alter table crm.deal add constraint deal_lead_fk foreign key (lead_id) references crm.lead (id);
alter table crm.activity add constraint activity_lead_fk foreign key (lead_id) references crm.lead (id);
create index deal_by_lead on crm.deal (lead_id) where lead_id is not null;
