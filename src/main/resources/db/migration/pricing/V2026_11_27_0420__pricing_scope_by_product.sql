-- The promotions of a page or a cart are found from the products' side: for each product, category and brand of the
-- call, the promotions whose scope names it (one index-only probe each). Before, every running promotion's scope
-- entries were read and filtered, so the cost grew with the number of products the promotions cover, not with the
-- size of the call (docs/benchmarks.md, Pricing).
create index promotion_scope_by_product_idx on pricing.promotion_scope (product_id, promotion_id)
    where product_id is not null;
create index promotion_scope_by_category_idx on pricing.promotion_scope (category_id, promotion_id)
    where category_id is not null;
create index promotion_scope_by_brand_idx on pricing.promotion_scope (brand, promotion_id) where brand is not null;
