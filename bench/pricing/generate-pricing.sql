-- The pricing data set "M" of issue 5, set-based, on top of the catalog made by bench/catalog/generate-catalog.sql
-- (${products} products, contiguous ids). Steps are separated by "-- step:" lines and timed one by one.
--
--   customers   20 customer groups, 1,000 companies (90 % in a group), one approved legal entity each with a supply
--               contract naming a price type (10 % base, 30 % a derived type, 60 % a list type; 20 % of the
--               contracts ended a month ago, so the group's type applies), 5 buyer accounts per company (5,000) with
--               an API key each ("bpk_bench-<user id>"), one seller admin (bench-admin@bench.test)
--   price lists the base list (every product; 30 % of the products with tiers from 100 and 1,000 units), pl-002
--               with exactly one row for each of the ${products} products (the "+3 %" list), and 498 lists pl-003 …
--               pl-500 of 2,000–22,400 products each (same tiers): about 10 million price rows in all
--   price types one list type per list, 40 derived types (−1…−15 % or −1…−7 ₽ a unit, each rounding rule; chains of
--               up to three derived types), a price type for each customer group
--   contracts   40 % of the legal entities have 100–1,000 contract prices
--   promotions  200 running (40 % for everyone, 35 % for 1–3 groups, 25 % for 5–50 companies; scopes: SKU lists of
--               50–2,000 products, 1–4 categories, 1–2 brands, 5 without scope = whole catalog; % off, amount off,
--               special price; some with a minimum line quantity, a minimum order amount, stacking with contract
--               prices) and 100 that do not run now (ended, future, switched off)
--
-- hashint8(x) & 2147483647 is a stable pseudo-random non-negative number, so the data set is the same every time.

-- step: customers
create table bench.params as
select min(id) as p0, count(*)::int as n from catalog.product;

insert into platform.user_account (email, display_name, side, roles, locale)
values ('bench-admin@bench.test', 'Администратор бенчмарка', 'SELLER', '{ADMIN}', 'ru');

insert into customers.customer_group (code, name)
select 'bench-' || g, 'Группа клиентов ' || g from generate_series(1, 20) g order by g;

insert into customers.company (name, group_id)
select 'ООО «Клиент ' || c || '»',
       case when (hashint8(c * 4 + 1) & 2147483647) % 10 = 0 then null
            else (select id from customers.customer_group where code = 'bench-' || (1 + (hashint8(c * 4 + 2) & 2147483647) % 20)) end
  from generate_series(1, 1000) c order by c;
create table bench.company as
select row_number() over (order by id)::int as n, id, group_id from customers.company
 where name like 'ООО «Клиент %»';

insert into customers.legal_entity (company_id, name, legal_form, inn, kpp, ogrn, legal_address, status, verified_at)
select c.id, 'ООО «Клиент ' || c.n || '»', 'ORGANISATION', (7700000000 + c.n)::text, '770101001',
       (1027700000000 + c.n)::text, 'г. Москва, ул. Оптовая, д. ' || c.n, 'APPROVED', now()
  from bench.company c order by c.n;
create table bench.entity as
select c.n, e.id, e.company_id, c.group_id from bench.company c join customers.legal_entity e on e.company_id = c.id;

insert into customers.contract (legal_entity_id, number, starts_on, ends_on, price_type, payment_terms, deferral_days,
                                credit_limit, min_order_amount)
select e.id, 'Б-' || e.n, current_date - 400,
       case when (hashint8(e.n * 4 + 3) & 2147483647) % 5 = 0 then current_date - 30 end,
       case when h % 10 = 0 then 'base'
            when h % 10 < 4 then 'derived-' || lpad((1 + (h / 10) % 40)::text, 2, '0')
            else 'pl-' || lpad((2 + (h / 10) % 499)::text, 3, '0') end,
       'DEFERRAL', 30, 5000000, (array[0, 0, 10000, 30000])[1 + h % 4]
  from bench.entity e cross join lateral (select hashint8(e.n * 4) & 2147483647 as h) x
 order by e.n;

insert into platform.user_account (email, display_name, side, roles, locale)
select 'buyer-' || c.n || '-' || u || '@bench.test', 'Покупатель ' || c.n || '-' || u, 'CUSTOMER', '{BUYER}', 'ru'
  from bench.company c cross join generate_series(1, 5) u order by c.n, u;
insert into customers.membership (user_id, company_id, default_legal_entity_id)
select a.id, e.company_id, e.id
  from bench.entity e cross join generate_series(1, 5) u
  join platform.user_account a on a.email = 'buyer-' || e.n || '-' || u || '@bench.test';
insert into customers.member_entity (user_id, legal_entity_id)
select m.user_id, m.default_legal_entity_id from customers.membership m
  join platform.user_account a on a.id = m.user_id where a.email like 'buyer-%@bench.test';
-- the benchmark's HTTP calls sign in with these keys; only their SHA-256 is stored, as ApiKeys does
insert into platform.api_key (user_id, name, prefix, secret_hash)
select id, 'bench', 'bpk_bench', sha256(convert_to('bpk_bench-' || id, 'UTF8'))
  from platform.user_account where email like 'buyer-%@bench.test';

-- step: price lists and types
insert into pricing.price_list (code, name, currency, includes_vat)
select 'pl-' || lpad(k::text, 3, '0'), 'Прайс-лист ' || lpad(k::text, 3, '0'), 'RUB', k % 4 <> 0
  from generate_series(2, 500) k order by k;

insert into pricing.price_type (code, name, name_en, price_list_id)
select l.code, l.name, 'Price list ' || substr(l.code, 4), l.id from pricing.price_list l where l.code <> 'base'
 order by l.code;
-- derived-01…20 on a list (every 4th on base), 21…30 on 01…10, 31…40 on 21…30: chains of up to three adjustments
insert into pricing.price_type (code, name, name_en, parent_code, adjustment_kind, adjustment, rounding)
select 'derived-' || lpad(d::text, 2, '0'), 'Производная ' || d, 'Derived ' || d,
       case when d > 30 then 'derived-' || lpad((d - 10)::text, 2, '0')
            when d > 20 then 'derived-' || lpad((d - 20)::text, 2, '0')
            when d % 4 = 0 then 'base'
            else 'pl-' || lpad((2 + (d * 37) % 499)::text, 3, '0') end,
       case when d % 5 = 0 then 'AMOUNT' else 'PERCENT' end,
       case when d % 5 = 0 then -(1 + d % 7) else -(1 + d % 15) end,
       (array['KOPECK', 'ROUBLE', 'TEN_ROUBLES', 'NINETY'])[1 + d % 4]
  from generate_series(1, 40) d order by d;

insert into pricing.group_price_type (group_id, price_type_code)
select g.id, case when n % 2 = 0 then 'derived-' || lpad((1 + (n * 7) % 40)::text, 2, '0')
                  else 'pl-' || lpad((2 + (n * 53) % 499)::text, 3, '0') end
  from (select id, substr(code, 7)::int as n from customers.customer_group where code like 'bench-%') g;

-- step: prices
-- which products each list holds: list k takes n_k products, p0 + (start_k + j * step_k) mod N for j < n_k, where
-- step_k is odd and not a multiple of 5, hence coprime with N = 100,000 (the products are then all different)
create table bench.list_plan as
select l.id, k,
       case when k = 1 or k = 2 then (select n from bench.params) else 2000 + (hashint8(k * 8) & 2147483647) % 20401 end as n,
       case when k <= 2 then 0 else (hashint8(k * 8 + 1) & 2147483647) % 100000 end as start,
       case when k <= 2 then 1
            else 10 * ((hashint8(k * 8 + 2) & 2147483647) % 9999) + (array[1, 3, 7, 9])[1 + k % 4] end as step
  from pricing.price_list l
  cross join lateral (select case when l.code = 'base' then 1 else substr(l.code, 4)::int end as k) x;

set work_mem = '1GB';
-- a product's base price is 7…22,000 ₽ (log-uniform); a list's price is 80…110 % of it; 30 % of the products are
-- sold with tiers: from 100 units 5 % less, from 1,000 units 10 % less (on pl-002 no tiers: exactly one row each)
insert into pricing.price (price_list_id, product_id, min_qty, amount)
select l.id, x.pid, t.q,
       round(exp(2.0 + ((hashint8(x.pid) & 2147483647) % 800) / 100.0)::numeric
             * case when l.k = 1 then 1 else 0.80 + ((hashint8(l.k * 1000003 + x.pid) & 2147483647) % 31) / 100.0 end
             * t.f, 2)
  from bench.list_plan l
  cross join lateral generate_series(0, l.n - 1) j
  cross join lateral (select (select p0 from bench.params) + (l.start + j * l.step) % (select n from bench.params) as pid) x
  join (values (1, 1.00), (100, 0.95), (1000, 0.90)) as t (q, f)
    on t.q = 1 or (l.k <> 2 and (hashint8(x.pid * 3 + 1) & 2147483647) % 10 < 3)
 order by l.id, x.pid, t.q;
reset work_mem;

-- step: contract prices
insert into pricing.contract_price (legal_entity_id, product_id, amount, includes_vat)
select e.id, x.pid, round(exp(2.0 + ((hashint8(x.pid) & 2147483647) % 800) / 100.0)::numeric * 0.85, 2), true
  from bench.entity e
  cross join lateral generate_series(0, 99 + (hashint8(e.n * 4 + 5) & 2147483647) % 901) j
  cross join lateral (select (select p0 from bench.params)
                             + ((hashint8(e.n * 4 + 6) & 2147483647) % 100000 + j * 7919) % (select n from bench.params) as pid) x
 where e.n % 5 < 2
 order by e.id, x.pid;

-- step: promotions
insert into pricing.promotion (name, name_en, starts_at, ends_at, target, effect, value, min_line_qty, min_order_amount,
                               priority, stacks_with_contract, active)
select 'Акция ' || k, 'Promotion ' || k,
       case when k <= 200 then now() - make_interval(days => 1 + k % 30)
            when k <= 250 then now() - interval '90 days'
            when k <= 280 then now() + make_interval(days => 1 + k % 30)
            else now() - interval '1 day' end,
       case when k <= 200 then now() + make_interval(days => 1 + k % 60)
            when k <= 250 then now() - make_interval(days => 1 + k % 30)
            when k <= 280 then now() + interval '120 days'
            else now() + interval '30 days' end,
       case when k % 20 < 8 then 'EVERYONE' when k % 20 < 15 then 'GROUPS' else 'COMPANIES' end,
       (array['PERCENT_OFF', 'PERCENT_OFF', 'AMOUNT_OFF', 'SPECIAL_PRICE'])[1 + k % 4],
       case k % 4 when 2 then 1 + k % 50 when 3 then 9.90 + (k % 50) * 20 else 3 + k % 23 end,
       case when k % 10 = 1 then 10 * (1 + k % 3) end,
       case when k % 40 = 0 then 300000 when k % 10 = 2 then 50000 * (1 + k % 5) end,
       (k % 7) * 10, k % 5 = 0, k <= 280
  from generate_series(1, 300) k order by k;
create table bench.promotion as
select row_number() over (order by id)::int as k, id from pricing.promotion where name like 'Акция %';

insert into pricing.promotion_target (promotion_id, group_id)
select p.id, g.id
  from bench.promotion p cross join generate_series(0, (p.k % 3)) i
  join customers.customer_group g on g.code = 'bench-' || (1 + (p.k * 7 + i * 3) % 20)
 where p.k % 20 between 8 and 14;
insert into pricing.promotion_target (promotion_id, company_id)
select p.id, c.id
  from bench.promotion p cross join generate_series(0, 4 + (hashint8(p.k * 4) & 2147483647) % 46) i
  join bench.company c on c.n = 1 + (p.k * 131 + i * 17) % 1000
 where p.k % 20 >= 15;

-- scopes: every 40th promotion none (the whole catalog), else by k % 3: SKUs, categories, brands
insert into pricing.promotion_scope (promotion_id, product_id)
select p.id, (select p0 from bench.params)
             + ((hashint8(p.k * 4 + 1) & 2147483647) % 100000 + i * 7) % (select n from bench.params)
  from bench.promotion p cross join generate_series(0, 49 + (hashint8(p.k * 4 + 2) & 2147483647) % 1951) i
 where p.k % 40 <> 0 and p.k % 3 = 0;
insert into pricing.promotion_scope (promotion_id, category_id)
select distinct p.id, c.id
  from bench.promotion p cross join generate_series(0, p.k % 4) i
  join (select id, row_number() over (order by id) - 1 as r, count(*) over () as cnt from catalog.category) c
    on c.r = (p.k * 13 + i * 29) % c.cnt
 where p.k % 40 <> 0 and p.k % 3 = 1;
insert into pricing.promotion_scope (promotion_id, brand)
select distinct p.id, b.brand
  from bench.promotion p cross join generate_series(0, p.k % 2) i
  join (select brand, row_number() over (order by brand) - 1 as r, count(*) over () as cnt
          from (select distinct brand from catalog.product where brand is not null) d) b
    on b.r = (p.k * 11 + i * 5) % b.cnt
 where p.k % 40 <> 0 and p.k % 3 = 2;

-- step: marker
create table bench.pricing_generated as select now() as at, (select count(*) from pricing.price) as prices;
