-- Quick order suggests up to 3 similar SKUs for each unknown one, for all of them in one query: a GiST trigram index
-- answers "nearest SKUs" (ORDER BY lower(sku) <-> :typed LIMIT 3) without reading the whole catalog per line. A
-- 64-byte signature instead of the default 12 prunes better on SKUs that share long prefixes: 100 lookups among
-- 22,000 SKUs took 0.36-0.47 s instead of 0.72-0.78 s (256 bytes: 0.42-0.43 s; GIN with the same query: 4.2-4.9 s),
-- bench/quick-order with -Dbench.explainSimilar=true on the shared 2-core machine at load 7 (docs/benchmarks.md).
create index product_sku_trgm_idx on catalog.product using gist (lower(sku) gist_trgm_ops(siglen = 64));
