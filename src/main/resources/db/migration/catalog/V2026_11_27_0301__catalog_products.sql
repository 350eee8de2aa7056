-- Catalog: categories with attribute sets, products with typed attributes, warehouses and stock, segments
-- (assortments). Search runs in PostgreSQL: full text in Russian and English, trigrams for typos, exact codes.

-- in public, so that its functions and operators are on every connection's search path
create extension if not exists pg_trgm with schema public;

create table catalog.category (
    id         bigint generated always as identity primary key,
    parent_id  bigint references catalog.category (id),
    code       text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name       text not null check (length(name) between 1 and 200),
    name_en    text check (length(name_en) <= 200),
    -- '/1/5/12/': the ids from the root down, so a subtree is one prefix match
    path       text not null,
    position   int  not null default 0
);
create index category_path_idx on catalog.category (path text_pattern_ops);

create table catalog.attribute (
    id         bigint generated always as identity primary key,
    code       text not null unique check (code ~ '^[a-z][a-z0-9_]{0,63}$'),
    name       text not null,
    name_en    text,
    type       text not null check (type in ('NUMBER', 'TEXT', 'ENUM', 'BOOLEAN')),
    unit       text,
    filterable boolean not null default true,
    position   int not null default 0
);

-- The attribute set of a category (inherited by its subcategories).
create table catalog.category_attribute (
    category_id  bigint not null references catalog.category (id),
    attribute_id bigint not null references catalog.attribute (id),
    primary key (category_id, attribute_id)
);

create table catalog.product (
    id                bigint generated always as identity primary key,
    sku               text not null unique check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
    name              text not null check (length(name) between 1 and 500),
    name_en           text check (length(name_en) <= 500),
    brand             text check (length(brand) <= 100),
    mpn               text check (length(mpn) <= 100),
    barcodes          text[] not null default '{}',
    unit_code         text not null default '796' check (unit_code ~ '^\d{3,4}$'),
    unit_name         text not null default 'шт',
    pack_multiple     numeric(19, 3) not null default 1 check (pack_multiple > 0),
    min_order_qty     numeric(19, 3) not null default 1 check (min_order_qty > 0),
    weight_kg         numeric(12, 3) check (weight_kg >= 0),
    volume_m3         numeric(12, 6) check (volume_m3 >= 0),
    vat_rate          text not null default '22' check (vat_rate in ('22', '10', '0', 'EXEMPT')),
    purchase_cost     numeric(19, 4) check (purchase_cost >= 0),
    description       text,
    category_id       bigint not null references catalog.category (id),
    status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'DISCONTINUED')),
    successor_sku     text,
    backorder_allowed boolean not null default false,
    lead_time_days    int check (lead_time_days between 0 and 365),
    -- typed attribute values by attribute code: {"diameter_mm": 6, "material": "steel", "coating": "zinc"}
    attributes        jsonb not null default '{}',
    search            tsvector generated always as (
        setweight(to_tsvector('simple', sku || ' ' || coalesce(mpn, '') || ' ' || coalesce(brand, '')), 'A')
        || setweight(to_tsvector('russian', name), 'A')
        || setweight(to_tsvector('english', coalesce(name_en, '')), 'B')
        || setweight(to_tsvector('russian', coalesce(description, '')), 'D')) stored,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index product_sku_prefix_idx on catalog.product (lower(sku) text_pattern_ops);
create index product_mpn_idx on catalog.product (lower(mpn) text_pattern_ops) where mpn is not null;
create index product_barcodes_idx on catalog.product using gin (barcodes);
create index product_search_idx on catalog.product using gin (search);
create index product_name_trgm_idx on catalog.product using gin (lower(name) gin_trgm_ops);
create index product_attributes_idx on catalog.product using gin (attributes jsonb_path_ops);
create index product_category_idx on catalog.product (category_id);
create index product_brand_idx on catalog.product (brand);

create table catalog.product_relation (
    product_id bigint not null references catalog.product (id),
    related_id bigint not null references catalog.product (id),
    kind       text not null check (kind in ('RELATED', 'ANALOG')),
    primary key (product_id, related_id, kind),
    check (product_id <> related_id)
);

create table catalog.product_file (
    id          bigint generated always as identity primary key,
    product_id  bigint not null references catalog.product (id),
    kind        text not null check (kind in ('IMAGE', 'DATASHEET', 'CERTIFICATE')),
    title       text not null,
    blob_sha256 text not null references platform.blob (sha256),
    position    int not null default 0
);
create index product_file_product_idx on catalog.product_file (product_id);

create table catalog.warehouse (
    id       bigint generated always as identity primary key,
    code     text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name     text not null,
    address  text,
    position int not null default 0
);

create table catalog.stock (
    product_id    bigint not null references catalog.product (id),
    warehouse_id  bigint not null references catalog.warehouse (id),
    on_hand       numeric(19, 3) not null default 0 check (on_hand >= 0),
    reserved      numeric(19, 3) not null default 0 check (reserved >= 0 and reserved <= on_hand),
    incoming      numeric(19, 3) not null default 0 check (incoming >= 0),
    incoming_date date,
    updated_at    timestamptz not null default now(),
    primary key (product_id, warehouse_id)
);

-- Assortment segments: a customer group or a contract restricted to a segment sees only its categories/products.
create table catalog.segment (
    code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
    name text not null
);
create table catalog.segment_item (
    segment_code text not null references catalog.segment (code),
    category_id  bigint references catalog.category (id),
    product_id   bigint references catalog.product (id),
    check ((category_id is null) <> (product_id is null))
);
create index segment_item_segment_idx on catalog.segment_item (segment_code);
