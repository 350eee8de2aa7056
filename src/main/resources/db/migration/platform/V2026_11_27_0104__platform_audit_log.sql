-- Who did what on whose behalf: staff viewing the portal as a customer, orders placed on behalf, holds released.
-- Append-only: the database refuses to change or delete an entry.
create table platform.audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    bigint      not null references platform.user_account (id),
    action      text        not null check (length(action) between 1 and 100),
    company_id  bigint,
    subject     text        check (length(subject) <= 500),
    request_id  text,
    ip          text
);
create index audit_log_company_idx on platform.audit_log (company_id, at desc);
create index audit_log_actor_idx on platform.audit_log (actor_id, at desc);

create function platform.audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'platform.audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on platform.audit_log
    for each row execute function platform.audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on platform.audit_log
    for each statement execute function platform.audit_log_is_append_only();
