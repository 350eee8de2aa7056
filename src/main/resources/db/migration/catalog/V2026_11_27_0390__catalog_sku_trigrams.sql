-- Quick order suggests up to 3 similar SKUs for each unknown one, for all of them in one query: a GiST trigram index
-- answers "nearest SKUs" (ORDER BY lower(sku) <-> :typed LIMIT 3) without reading the whole catalog per line.
create index product_sku_trgm_idx on catalog.product using gist (lower(sku) gist_trgm_ops);
