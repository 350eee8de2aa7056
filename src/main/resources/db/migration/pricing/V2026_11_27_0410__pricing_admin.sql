-- Pricing administration: every write says who made it and when. A price row and a group's price type lacked
-- "who"; a group's price type lacked "when" as well.
alter table pricing.price add column updated_by bigint references platform.user_account (id);

alter table pricing.group_price_type
    add column updated_at timestamptz not null default now(),
    add column updated_by bigint references platform.user_account (id);

-- "Is this price type used?" before a delete, and the chain of a type: children by parent.
create index price_type_parent_idx on pricing.price_type (parent_code) where parent_code is not null;
