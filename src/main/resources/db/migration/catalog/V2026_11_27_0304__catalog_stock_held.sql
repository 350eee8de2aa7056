-- Two kinds of stock that is not available: "reserved" is what the portal's own orders hold (only the ordering
-- module's checkout, cancellation and shipment change it, through CatalogApi), "held" is what is held outside the
-- portal (an ERP's reservations, a manager's hold) and what the stock import, the ERP batch API and the product page
-- of the back office write. Available = on hand - reserved - held, never below zero. On hand may drop below what is
-- reserved (goods found damaged): the product is simply not available until stock comes in.
alter table catalog.stock add column held numeric(19, 3) not null default 0 check (held >= 0);
update catalog.stock set held = reserved, reserved = 0
 where not exists (select 1 from information_schema.tables
                    where table_schema = 'ordering' and table_name = 'order_line');
alter table catalog.stock drop constraint if exists stock_reserved_check;
alter table catalog.stock drop constraint if exists stock_check;
alter table catalog.stock add constraint stock_reserved_not_negative check (reserved >= 0);
