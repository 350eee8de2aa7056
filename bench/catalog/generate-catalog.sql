-- A generated wholesale catalog for the search benchmark, set-based: 8 families, 24 product groups and 168 leaf
-- categories (200 in all), 40 typed attributes of which each leaf category has 10 to 30, 64 brands, 3 warehouses.
-- ${products} is replaced by the product count. Steps are separated by "-- step:" lines and timed one by one.
-- Word lists stay in schema "bench", so the benchmark can build queries that hit a known share of products.

-- step: word lists
drop schema if exists bench cascade;
create schema bench;

create table bench.family (id int primary key, code text, name text, name_en text, brands text[]);
insert into bench.family values
 (1, 'fasteners', 'Крепёж', 'Fasteners', '{Fixpro,Bulloni,Крепёж-Маркет,Kraftool,Sormat,Fischer,Mungo,Daxmer}'),
 (2, 'power-tools', 'Электроинструмент', 'Power tools', '{Bosch,Makita,DeWalt,Metabo,Интерскол,Зубр,Hikoki,AEG}'),
 (3, 'hand-tools', 'Ручной инструмент', 'Hand tools', '{Stayer,Gross,Stanley,Matrix,Jonnesway,Wera,Кобальт,Knipex}'),
 (4, 'electrical', 'Электрика', 'Electrical', '{IEK,Schneider Electric,ABB,EKF,Legrand,Кольчугино,Севкабель,Камкабель}'),
 (5, 'paint', 'Лакокрасочные материалы', 'Paint and coatings', '{Tikkurila,Текс,Dufa,Престиж,Caparol,Dulux,Alpina,Оптимист}'),
 (6, 'workwear', 'Спецодежда и СИЗ', 'Workwear and PPE', '{Манипула,Восток-Сервис,Ansell,Техноавиа,3M,Honeywell,Uvex,Delta Plus}'),
 (7, 'plumbing', 'Сантехника и отопление', 'Plumbing and heating', '{Valtec,Rehau,Oventrop,Grohe,Wavin,Ридан,Danfoss,Aquatherm}'),
 (8, 'garden', 'Садовая техника', 'Garden equipment', '{Husqvarna,Stihl,Gardena,Champion,Patriot,Greenworks,Huter,Калибр}');

create table bench.grp (id int primary key, family_id int, prefix text, code text, name text, name_en text,
                        noun text, noun_en text, qualifiers text[], qualifiers_en text[]);
insert into bench.grp values
 (1, 1, 'BLT', 'bolts', 'Болты', 'Bolts', 'Болт', 'bolt',
  '{шестигранный,мебельный,лемешный,анкерный,откидной,высокопрочный,фланцевый}', '{hex,carriage,plow,anchor,eye,high-strength,flange}'),
 (2, 1, 'NUT', 'nuts', 'Гайки', 'Nuts', 'Гайка', 'nut',
  '{шестигранная,самоконтрящаяся,колпачковая,барашковая,фланцевая,высокая,приварная}', '{hex,self-locking,cap,wing,flange,high,weld}'),
 (3, 1, 'SCR', 'screws', 'Саморезы', 'Screws', 'Саморез', 'screw',
  '{кровельный,гипсокартонный,оцинкованный,фосфатированный,сверлоконечный,мебельный,универсальный}',
  '{roofing,drywall,galvanized,phosphated,self-drilling,furniture,universal}'),
 (4, 2, 'DRL', 'drills', 'Дрели', 'Drills', 'Дрель', 'drill',
  '{ударная,безударная,аккумуляторная,угловая,миксерная,компактная,сетевая}', '{impact,rotary,cordless,angle,mixing,compact,corded}'),
 (5, 2, 'GRD', 'grinders', 'Шлифмашины', 'Grinders', 'Шлифмашина', 'grinder',
  '{угловая,ленточная,эксцентриковая,вибрационная,прямая,полировальная,щёточная}', '{angle,belt,orbital,sheet,straight,polishing,brush}'),
 (6, 2, 'HMR', 'rotary-hammers', 'Перфораторы', 'Rotary hammers', 'Перфоратор', 'rotary hammer',
  '{аккумуляторный,сетевой,бочковой,горизонтальный,лёгкий,тяжёлый,комбинированный}', '{cordless,corded,barrel,horizontal,light,heavy,combi}'),
 (7, 3, 'WRN', 'wrenches', 'Ключи', 'Wrenches', 'Ключ', 'wrench',
  '{рожковый,накидной,комбинированный,разводной,трубный,динамометрический,шестигранный}', '{open-end,ring,combination,adjustable,pipe,torque,hex}'),
 (8, 3, 'SDR', 'screwdrivers', 'Отвёртки', 'Screwdrivers', 'Отвёртка', 'screwdriver',
  '{шлицевая,крестовая,диэлектрическая,ударная,прецизионная,реверсивная,индикаторная}', '{slotted,phillips,insulated,impact,precision,ratchet,tester}'),
 (9, 3, 'HAM', 'hammers', 'Молотки', 'Hammers', 'Молоток', 'hammer',
  '{слесарный,столярный,рихтовочный,безынерционный,кровельный,плотницкий,резиновый}', '{machinist,claw,body,dead-blow,roofing,framing,rubber}'),
 (10, 4, 'CBL', 'cable', 'Кабель', 'Cable', 'Кабель', 'cable',
  '{силовой,контрольный,гибкий,огнестойкий,бронированный,экранированный,монтажный}', '{power,control,flexible,fire-resistant,armoured,shielded,hookup}'),
 (11, 4, 'BRK', 'switches', 'Выключатели', 'Switches and breakers', 'Выключатель', 'switch',
  '{автоматический,дифференциальный,модульный,накладной,встраиваемый,проходной,сенсорный}', '{automatic,residual-current,modular,surface,flush,two-way,touch}'),
 (12, 4, 'SKT', 'sockets', 'Розетки', 'Socket outlets', 'Розетка', 'socket',
  '{накладная,встраиваемая,влагозащищённая,двойная,силовая,компьютерная,телефонная}', '{surface,flush,waterproof,double,power,data,phone}'),
 (13, 5, 'ENM', 'enamels', 'Эмали', 'Enamels', 'Эмаль', 'enamel',
  '{алкидная,акриловая,молотковая,термостойкая,нитроцеллюлозная,полиуретановая,эпоксидная}', '{alkyd,acrylic,hammered,heat-resistant,nitrocellulose,polyurethane,epoxy}'),
 (14, 5, 'PRM', 'primers', 'Грунтовки', 'Primers', 'Грунтовка', 'primer',
  '{акриловая,алкидная,антисептическая,кварцевая,антикоррозийная,проникающая,адгезионная}', '{acrylic,alkyd,antiseptic,quartz,anticorrosive,penetrating,adhesion}'),
 (15, 5, 'PNT', 'paints', 'Краски', 'Paints', 'Краска', 'paint',
  '{фасадная,интерьерная,латексная,водоэмульсионная,силиконовая,резиновая,маркировочная}', '{facade,interior,latex,water-based,silicone,rubber,marking}'),
 (16, 6, 'GLV', 'gloves', 'Перчатки', 'Gloves', 'Перчатки', 'gloves',
  '{нитриловые,латексные,трикотажные,кожаные,утеплённые,антивибрационные,диэлектрические}', '{nitrile,latex,knitted,leather,insulated,anti-vibration,dielectric}'),
 (17, 6, 'SUT', 'suits', 'Рабочие костюмы', 'Work suits', 'Костюм', 'work suit',
  '{летний,зимний,сварочный,сигнальный,противоэнцефалитный,влагозащитный,хлопковый}', '{summer,winter,welding,hi-vis,anti-tick,waterproof,cotton}'),
 (18, 6, 'RSP', 'respirators', 'Респираторы', 'Respirators', 'Респиратор', 'respirator',
  '{противоаэрозольный,противогазовый,фильтрующий,полумасочный,складной,клапанный,многоразовый}', '{particulate,gas,filtering,half-mask,foldable,valved,reusable}'),
 (19, 7, 'VLV', 'valves', 'Краны', 'Valves', 'Кран', 'valve',
  '{шаровой,угловой,запорный,балансировочный,дренажный,термостатический,латунный}', '{ball,angle,shutoff,balancing,drain,thermostatic,brass}'),
 (20, 7, 'PIP', 'pipes', 'Трубы', 'Pipes', 'Труба', 'pipe',
  '{полипропиленовая,металлопластиковая,канализационная,гофрированная,армированная,медная,стальная}',
  '{polypropylene,multilayer,sewer,corrugated,reinforced,copper,steel}'),
 (21, 7, 'FIT', 'fittings', 'Фитинги', 'Fittings', 'Фитинг', 'fitting',
  '{компрессионный,прессовый,резьбовой,угловой,тройниковый,переходной,латунный}', '{compression,press,threaded,elbow,tee,reducing,brass}'),
 (22, 8, 'TRM', 'trimmers', 'Триммеры', 'Trimmers', 'Триммер', 'trimmer',
  '{бензиновый,электрический,аккумуляторный,профессиональный,лёгкий,садовый,кустарниковый}', '{petrol,electric,cordless,professional,light,garden,hedge}'),
 (23, 8, 'MWR', 'mowers', 'Газонокосилки', 'Lawn mowers', 'Газонокосилка', 'lawn mower',
  '{бензиновая,электрическая,роторная,самоходная,механическая,аккумуляторная,мульчирующая}', '{petrol,electric,rotary,self-propelled,manual,cordless,mulching}'),
 (24, 8, 'PMP', 'pumps', 'Насосы', 'Pumps', 'Насос', 'pump',
  '{дренажный,погружной,поверхностный,вибрационный,циркуляционный,фекальный,скважинный}', '{drainage,submersible,surface,vibration,circulation,sewage,borehole}');

create table bench.attr (id int primary key, code text, name text, name_en text, type text, unit text, vals text[]);
insert into bench.attr values
 (1, 'material', 'Материал', 'Material', 'ENUM', null, '{сталь,нержавеющая сталь,латунь,алюминий,пластик,полиамид,резина,хлопок,нитрил,медь}'),
 (2, 'color', 'Цвет', 'Colour', 'ENUM', null, '{белый,чёрный,серый,красный,синий,зелёный,жёлтый,оранжевый,коричневый}'),
 (3, 'coating', 'Покрытие', 'Coating', 'ENUM', null, '{цинк,без покрытия,горячий цинк,хром,никель,порошковая краска}'),
 (4, 'length_mm', 'Длина', 'Length', 'NUMBER', 'мм', '{10,16,20,25,30,40,50,60,80,100,120,150,200}'),
 (5, 'diameter_mm', 'Диаметр', 'Diameter', 'NUMBER', 'мм', '{3,4,5,6,8,10,12,16,20,25,32}'),
 (6, 'width_mm', 'Ширина', 'Width', 'NUMBER', 'мм', '{10,20,30,50,75,100,150,250}'),
 (7, 'height_mm', 'Высота', 'Height', 'NUMBER', 'мм', '{5,8,12,20,40,60,100,200,400}'),
 (8, 'weight_kg', 'Вес', 'Weight', 'NUMBER', 'кг', '{0.1,0.25,0.5,1,1.5,2,2.5,3,5,8,12}'),
 (9, 'power_w', 'Мощность', 'Power', 'NUMBER', 'Вт', '{300,500,650,750,900,1100,1400,1800,2200}'),
 (10, 'voltage_v', 'Напряжение', 'Voltage', 'NUMBER', 'В', '{12,18,36,220,380}'),
 (11, 'thread', 'Резьба', 'Thread', 'ENUM', null, '{M4,M5,M6,M8,M10,M12,M16,M20,G1/2,G3/4,G1}'),
 (12, 'strength_class', 'Класс прочности', 'Strength class', 'ENUM', null, '{4.6,5.8,8.8,10.9,12.9}'),
 (13, 'standard', 'Стандарт', 'Standard', 'ENUM', null, '{DIN 933,DIN 931,DIN 912,ГОСТ 7798,ISO 4017,ТУ}'),
 (14, 'country', 'Страна производства', 'Country of origin', 'ENUM', null, '{Россия,Китай,Германия,Италия,Польша,Турция,Япония}'),
 (15, 'warranty_months', 'Гарантия', 'Warranty', 'NUMBER', 'мес', '{6,12,24,36,60}'),
 (16, 'package_qty', 'В упаковке', 'Pack quantity', 'NUMBER', 'шт', '{1,5,10,25,50,100,200,500}'),
 (17, 'ip_rating', 'Степень защиты', 'IP rating', 'ENUM', null, '{IP20,IP44,IP54,IP65,IP67,IP68}'),
 (18, 'rated_current_a', 'Номинальный ток', 'Rated current', 'NUMBER', 'А', '{6,10,16,20,25,32,40,63}'),
 (19, 'poles', 'Число полюсов', 'Poles', 'NUMBER', null, '{1,2,3,4}'),
 (20, 'cores', 'Число жил', 'Cores', 'NUMBER', null, '{2,3,4,5}'),
 (21, 'section_mm2', 'Сечение', 'Cross-section', 'NUMBER', 'мм²', '{0.75,1.5,2.5,4,6,10,16}'),
 (22, 'volume_l', 'Объём', 'Volume', 'NUMBER', 'л', '{0.5,0.9,1,2.5,2.7,5,9,10,20}'),
 (23, 'base', 'Основа', 'Base', 'ENUM', null, '{алкидная,акриловая,латексная,полиуретановая,эпоксидная,силиконовая}'),
 (24, 'finish', 'Степень блеска', 'Finish', 'ENUM', null, '{матовая,полуматовая,глянцевая,шелковисто-матовая}'),
 (25, 'size', 'Размер', 'Size', 'ENUM', null, '{XS,S,M,L,XL,XXL,3XL}'),
 (26, 'season', 'Сезон', 'Season', 'ENUM', null, '{летний,зимний,демисезонный,всесезонный}'),
 (27, 'protection_class', 'Класс защиты', 'Protection class', 'ENUM', null, '{FFP1,FFP2,FFP3,A1,B1,ABEK1}'),
 (28, 'pressure_bar', 'Давление', 'Pressure', 'NUMBER', 'бар', '{6,10,16,20,25,40}'),
 (29, 'temperature_max_c', 'Макс. температура', 'Max temperature', 'NUMBER', '°C', '{60,80,95,110,120,150,200}'),
 (30, 'connection', 'Подключение', 'Connection', 'ENUM', null, '{внутренняя резьба,наружная резьба,пресс,компрессия,под сварку,американка}'),
 (31, 'battery_ah', 'Ёмкость аккумулятора', 'Battery capacity', 'NUMBER', 'А·ч', '{1.5,2,3,4,5,6}'),
 (32, 'speed_rpm', 'Частота вращения', 'Speed', 'NUMBER', 'об/мин', '{800,1500,2800,3000,6000,11000}'),
 (33, 'torque_nm', 'Крутящий момент', 'Torque', 'NUMBER', 'Н·м', '{20,35,50,60,80,120,250}'),
 (34, 'noise_db', 'Уровень шума', 'Noise level', 'NUMBER', 'дБ', '{70,78,85,92,98,105}'),
 (35, 'cable_length_m', 'Длина кабеля', 'Cord length', 'NUMBER', 'м', '{2,3,4,5,10}'),
 (36, 'kit', 'Комплектация', 'Kit', 'ENUM', null, '{без аккумулятора,1 аккумулятор,2 аккумулятора,кейс,коробка}'),
 (37, 'certification', 'Сертификация', 'Certification', 'ENUM', null, '{ЕАС,ГОСТ Р,CE,TÜV}'),
 (38, 'purpose', 'Назначение', 'Purpose', 'ENUM', null, '{бытовой,профессиональный,промышленный}'),
 (39, 'mount', 'Монтаж', 'Mounting', 'ENUM', null, '{накладной,встраиваемый,на DIN-рейку,настенный,напольный}'),
 (40, 'shape', 'Форма', 'Shape', 'ENUM', null, '{круглая,квадратная,шестигранная,прямоугольная,овальная}');

-- step: categories and attributes
insert into catalog.attribute (code, name, name_en, type, unit, position)
select code, name, name_en, type, unit, id from bench.attr order by id;

insert into catalog.category (code, name, name_en, path, position)
select code, name, name_en, '', id from bench.family order by id;
insert into catalog.category (parent_id, code, name, name_en, path, position)
select c.id, g.code, g.name, g.name_en, '', g.id
  from bench.grp g join bench.family f on f.id = g.family_id join catalog.category c on c.code = f.code order by g.id;

-- a leaf category per group and qualifier, e.g. "Дрели ударные" is (group "Дрели", qualifier "ударная")
create table bench.leaf (idx int primary key, grp_id int, q int, category_id bigint, noun text, noun_en text,
                         qualifier text, qualifier_en text, brands text[], attr_ids int[]);
insert into bench.leaf (idx, grp_id, q, noun, noun_en, qualifier, qualifier_en, brands, attr_ids)
select (g.id - 1) * 7 + q - 1, g.id, q, g.noun, g.noun_en, g.qualifiers[q], g.qualifiers_en[q], f.brands,
       -- each group draws 30 of the 40 attributes; each leaf keeps the first 10..30 of them
       (select array_agg(((g.id * 7 + k) % 40) + 1 order by k)
          from generate_series(0, 9 + ((g.id * 7 + q * 3) % 21)) k)
  from bench.grp g join bench.family f on f.id = g.family_id cross join generate_series(1, 7) q;

insert into catalog.category (parent_id, code, name, name_en, path, position)
select c.id, g.code || '-' || l.q, g.name || ': ' || l.qualifier, initcap(l.qualifier_en) || ' ' || lower(g.name_en),
       '', l.q
  from bench.leaf l join bench.grp g on g.id = l.grp_id join catalog.category c on c.code = g.code order by l.idx;
update bench.leaf l set category_id = c.id
  from bench.grp g, catalog.category c where g.id = l.grp_id and c.code = g.code || '-' || l.q;

update catalog.category c set path = '/' || c.id || '/' where parent_id is null;
update catalog.category c set path = p.path || c.id || '/' from catalog.category p where p.id = c.parent_id and p.parent_id is null;
update catalog.category c set path = p.path || c.id || '/'
  from catalog.category p where p.id = c.parent_id and p.parent_id is not null;

insert into catalog.category_attribute (category_id, attribute_id)
select l.category_id, a.id from bench.leaf l cross join unnest(l.attr_ids) ai join bench.attr ba on ba.id = ai
  join catalog.attribute a on a.code = ba.code;

insert into catalog.warehouse (code, name, address, position) values
 ('msk', 'Склад Москва', 'г. Москва, ул. Складочная, д. 1', 0),
 ('pdl', 'Склад Подольск', 'г. Подольск, Домодедовское ш., д. 20', 1),
 ('ekb', 'Склад Екатеринбург', 'г. Екатеринбург, ул. Монтажников, д. 4', 2);

-- step: products
-- h(n) is a stable pseudo-random non-negative int per product and purpose
insert into catalog.product (sku, name, name_en, brand, mpn, barcodes, unit_code, unit_name, pack_multiple,
                             min_order_qty, weight_kg, vat_rate, purchase_cost, description, category_id, status,
                             backorder_allowed, lead_time_days, attributes)
select g.prefix || '-' || lpad(i::text, 7, '0'),
       l.noun || ' ' || l.qualifier || ' ' || b.brand || ' ' || m.model
           || coalesce(', ' || (a.attrs ->> 'length_mm') || ' мм', ''),
       initcap(l.qualifier_en) || ' ' || l.noun_en || ' ' || b.brand || ' ' || m.model,
       b.brand,
       upper(left(translate(b.brand, ' -', ''), 3)) || '-' || m.model,
       array['460' || lpad(i::text, 9, '0') || (i % 10)::text],
       '796', 'шт',
       (array[1, 1, 1, 10, 50, 100])[1 + (hashint8(i * 8 + 1) & 2147483647) % 6],
       (array[1, 1, 1, 10, 50, 100])[1 + (hashint8(i * 8 + 1) & 2147483647) % 6],
       round(((hashint8(i * 8 + 2) & 2147483647) % 50000) / 1000.0, 3),
       '22',
       round(((hashint8(i * 8 + 3) & 2147483647) % 2000000) / 100.0, 4),
       (array['Надёжный выбор для строительства и ремонта.',
              'Для профессионального применения на объектах и в мастерских.',
              'Оптовая поставка со склада, документы ЭДО.',
              'Соответствует ГОСТ, сертификат ЕАС.',
              null])[1 + (hashint8(i * 8 + 4) & 2147483647) % 5],
       l.category_id,
       case when (hashint8(i * 8 + 5) & 2147483647) % 50 = 0 then 'DISCONTINUED' else 'ACTIVE' end,
       (hashint8(i * 8 + 6) & 2147483647) % 3 = 0,
       case when (hashint8(i * 8 + 6) & 2147483647) % 3 = 0 then 14 end,
       a.attrs
  from generate_series(1, ${products}) i
  cross join lateral (select (hashint8(i) & 2147483647) % 168 as idx) pick
  join bench.leaf l on l.idx = pick.idx
  join bench.grp g on g.id = l.grp_id
  cross join lateral (select l.brands[1 + (hashint8(i * 8 + 7) & 2147483647) % 8] as brand) b
  cross join lateral (select upper(substr(md5(l.grp_id || b.brand), 1, 2)) || '-'
                             || (100 + (hashint8(i * 16 + 9) & 2147483647) % 9900) as model) m
  cross join lateral (select jsonb_object_agg(ba.code,
                               case when ba.type = 'NUMBER'
                                    then to_jsonb(cast(ba.vals[1 + (hashint8(i * 64 + ba.id) & 2147483647) % cardinality(ba.vals)] as numeric))
                                    else to_jsonb(ba.vals[1 + (hashint8(i * 64 + ba.id) & 2147483647) % cardinality(ba.vals)]) end) as attrs
                        from unnest(l.attr_ids) ai join bench.attr ba on ba.id = ai) a
 order by i;

-- step: stock
insert into catalog.stock (product_id, warehouse_id, on_hand, reserved, incoming, incoming_date)
select p.id, w.id, s.on_hand, case when p.id % 3 = 0 then floor(s.on_hand / 10) else 0 end,
       case when (p.id + w.id) % 9 = 0 then 200 * p.pack_multiple else 0 end,
       case when (p.id + w.id) % 9 = 0 then current_date + cast((p.id % 20) + 3 as int) end
  from catalog.product p cross join catalog.warehouse w
  cross join lateral (select case when (hashint8(p.id * 4 + w.id) & 2147483647) % 100 < 15 then 0
                                  else ((hashint8(p.id * 4 + w.id) & 2147483647) % 500) * p.pack_multiple end as on_hand) s;
