-- Promotion scopes are read per request for the products on a page or in a cart: one index lookup per promotion and
-- kind of scope instead of reading every scope row of a promotion that covers thousands of products.
create index promotion_scope_product_idx on pricing.promotion_scope (promotion_id, product_id)
    where product_id is not null;
create index promotion_scope_category_idx on pricing.promotion_scope (promotion_id, category_id)
    where category_id is not null;
create index promotion_scope_brand_idx on pricing.promotion_scope (promotion_id, brand) where brand is not null;
-- Promotions targeted at a group or a company, looked up from the buyer's side.
create index promotion_target_group_idx on pricing.promotion_target (group_id, promotion_id) where group_id is not null;
create index promotion_target_company_idx on pricing.promotion_target (company_id, promotion_id)
    where company_id is not null;
