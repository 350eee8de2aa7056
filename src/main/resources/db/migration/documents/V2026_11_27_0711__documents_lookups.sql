-- The documents pages show each version's successor (replaced by vN) and a transfer document's or credit note's
-- invoice; credit notes sum what was already credited on an invoice; staff filter by order number.
create index document_replaces_idx on documents.document (replaces_id) where replaces_id is not null;
create index document_invoice_idx on documents.document (invoice_id) where invoice_id is not null;
create index document_order_number_idx on documents.document (order_number) where order_number is not null;
