-- A replacement the seller sends at zero price to settle a claim is an order of its own channel.
alter table ordering.orders drop constraint orders_channel_check;
alter table ordering.orders add constraint orders_channel_check
    check (channel in ('PORTAL', 'ON_BEHALF', 'API', 'STANDING_ORDER', 'EDI', 'PUNCHOUT', 'CLAIM'));
