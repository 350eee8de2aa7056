-- In-app notifications: a short text with a link for one user (payment reminders, later CRM tasks). The header's
-- bell counts the unread ones; a user sees and marks only their own.
create table platform.notification (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references platform.user_account (id),
    kind       text        not null check (kind ~ '^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$' and length(kind) <= 100),
    text       text        not null check (length(text) between 1 and 1000),
    link       text        check (length(link) <= 500),
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_user_idx on platform.notification (user_id, created_at desc);
create index notification_unread_idx on platform.notification (user_id) where read_at is null;
