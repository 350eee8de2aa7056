-- Credit control: the invoices that put a legal entity on hold (a release covers exactly these until its "until"
-- day, so the same debts do not hold the entity again at once), and when the hold was last looked at.
alter table payments.credit_hold
    add column invoice_ids  bigint[]    not null default '{}',
    add column evaluated_at timestamptz not null default now();
create index credit_hold_entity_idx on payments.credit_hold (legal_entity_id, placed_at desc);

-- Payment reminders sent: one row per invoice and stage (due-soon, overdue-0 on the first day overdue, overdue-1
-- a week later, ...). The primary key is the claim: a node inserts the row in the transaction that sends the mail
-- and the notification, so two nodes (or two runs) never send the same reminder twice.
create table payments.reminder_sent (
    invoice_id      bigint      not null references documents.document (id),
    stage           text        not null check (stage ~ '^(due-soon|overdue-[0-9]+)$'),
    legal_entity_id bigint      not null references customers.legal_entity (id),
    sent_on         date        not null,
    recipients      int         not null,
    sent_at         timestamptz not null default now(),
    primary key (invoice_id, stage)
);
create index reminder_sent_entity_idx on payments.reminder_sent (legal_entity_id, sent_at desc);
