-- Platform: the mail outbox.

-- Every mail the portal sends is a row here first, written in the transaction of the business change that
-- caused it, so a rollback leaves no mail. With SMTP configured a row starts QUEUED and the sender moves it
-- to SENT (or, after its last attempt, FAILED); without SMTP it is KEPT, to be read on /admin/mail.
create table platform.mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null check (length(recipient) between 3 and 254),
    subject         text        not null check (length(subject) between 1 and 500),
    body_text       text        not null,
    body_html       text,
    kind            text        not null check (kind ~ '^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$' and length(kind) <= 100),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    status          text        not null check (status in ('QUEUED', 'SENT', 'FAILED', 'KEPT')),
    error           text,
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    constraint mail_outbox_sent_has_time check ((status = 'SENT') = (sent_at is not null))
);
-- What the senders poll: only the rows still to send, oldest due first.
create index mail_outbox_due_idx on platform.mail_outbox (next_attempt_at, id) where status = 'QUEUED';
