-- Acting on a customer's behalf (issue 9): an audit entry names both identities. actor_id is the member of staff;
-- company_id with legal_entity_id the customer they acted for, customer_user_id the customer's user concerned (the
-- one who placed an order the staff member changed or cancelled), when there is one.
alter table platform.audit_log
    add column legal_entity_id  bigint,
    add column customer_user_id bigint references platform.user_account (id);
create index audit_log_on_behalf_idx on platform.audit_log (company_id, at desc) where legal_entity_id is not null;
