-- Quick order suggests up to 3 similar SKUs for each unknown one, for all of them in one query: a GiST trigram index
-- answers "nearest SKUs" (ORDER BY lower(sku) <-> :typed LIMIT 3) without reading the whole catalog per line. A
-- 64-byte signature instead of the default 12 prunes better on SKUs that share long prefixes: 100 lookups among
-- 22,000 SKUs took 0.84-1.1 s instead of 1.3-1.7 s on the loaded benchmark machine; GIN took 14 s
-- (bench/quick-order, docs/benchmarks.md).
create index product_sku_trgm_idx on catalog.product using gist (lower(sku) gist_trgm_ops(siglen = 64));
