package io.b2bportal.catalog.demo;

import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.DemoData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic wholesale catalog of a few thousand products: fasteners, tools, electrical goods, paint and workwear,
 * each family with its own attribute set, two warehouses with stock, incoming deliveries, discontinued items with
 * successors, and a "fasteners only" segment for restricted assortments. Inserted set-based, in a few statements.
 */
@Component
class CatalogDemoData implements DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BlobStore blobs;

    CatalogDemoData(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    @Override
    public int order() {
        return 200;
    }

    /** One generated product before insertion. */
    private record Row(String sku, String name, String nameEn, String brand, String mpn, String barcode, String unitCode,
            String unitName, BigDecimal pack, BigDecimal minQty, BigDecimal weight, String vat, BigDecimal cost,
            long categoryId, String status, String successor, boolean backorder, Map<String, Object> attributes) {
    }

    @Override
    public void seed(DemoSeeding seeding) {
        RandomGenerator random = seeding.random();
        Map<String, Long> attributes = attributes();
        long fasteners = category(null, "fasteners", "Крепёж", "Fasteners");
        long tools = category(null, "tools", "Инструмент", "Tools");
        long electrical = category(null, "electrical", "Электрика", "Electrical");
        long paint = category(null, "paint", "Лакокрасочные материалы", "Paint and coatings");
        long workwear = category(null, "workwear", "Спецодежда и СИЗ", "Workwear and PPE");
        List<Row> rows = new ArrayList<>();

        long bolts = category(fasteners, "bolts", "Болты", "Bolts");
        long nuts = category(fasteners, "nuts", "Гайки", "Nuts");
        long washers = category(fasteners, "washers", "Шайбы", "Washers");
        long screws = category(fasteners, "screws", "Саморезы", "Self-tapping screws");
        long anchors = category(fasteners, "anchors", "Анкеры", "Anchors");
        link(bolts, attributes, "thread", "length_mm", "strength_class", "coating", "standard");
        link(nuts, attributes, "thread", "strength_class", "coating", "standard");
        link(washers, attributes, "thread", "coating", "standard");
        link(screws, attributes, "diameter_mm", "length_mm", "head", "coating");
        link(anchors, attributes, "diameter_mm", "length_mm", "material");
        String[] threads = {"M5", "M6", "M8", "M10", "M12", "M14", "M16", "M20", "M24"};
        String[] coatings = {"цинк", "без покрытия", "горячий цинк"};
        String[] classes = {"5.8", "8.8", "10.9"};
        int[] lengths = {16, 20, 25, 30, 35, 40, 50, 60, 70, 80, 100, 120};
        for (String thread : threads) {
            for (String standard : new String[] {"DIN 933", "DIN 931", "ГОСТ 7798"}) {
                String std = standard.replaceAll("[^0-9]", "");
                for (int length : lengths) {
                    for (String coating : coatings) {
                        String strength = classes[random.nextInt(classes.length)];
                        String brand = pick(random, "Fixpro", "Крепёж-Маркет", "Bulloni", "Kraftool");
                        String sku = "BLT-" + std + "-" + thread + "x" + length + "-" + code(coating);
                        rows.add(new Row(sku, "Болт " + thread + "×" + length + " " + standard + ", кл. пр. " + strength
                                + ", " + coating, "Hex bolt " + thread + "x" + length + " " + standard + " " + strength,
                                brand, std + thread + length, ean(random), "796", "шт", pack(length), pack(length),
                                weight(thread, length), "22", cost(thread, length, 0.9), bolts, "ACTIVE", null, true,
                                Map.of("thread", thread, "length_mm", length, "strength_class", strength,
                                        "coating", coating, "standard", standard)));
                    }
                }
            }
            for (String coating : coatings) {
                rows.add(new Row("NUT-DIN934-" + thread + "-" + code(coating), "Гайка " + thread + " DIN 934, " + coating,
                        "Hex nut " + thread + " DIN 934", pick(random, "Fixpro", "Крепёж-Маркет", "Bulloni"), "934" + thread,
                        ean(random), "796", "шт", new BigDecimal("100"), new BigDecimal("100"), weight(thread, 8), "22",
                        cost(thread, 8, 0.4), nuts, "ACTIVE", null, true,
                        Map.of("thread", thread, "strength_class", "8", "coating", coating, "standard", "DIN 934")));
                rows.add(new Row("WSH-DIN125-" + thread + "-" + code(coating), "Шайба плоская " + thread + " DIN 125, " + coating,
                        "Flat washer " + thread + " DIN 125", pick(random, "Fixpro", "Bulloni"), "125" + thread, ean(random),
                        "796", "шт", new BigDecimal("200"), new BigDecimal("200"), weight(thread, 2), "22",
                        cost(thread, 2, 0.2), washers, "ACTIVE", null, true,
                        Map.of("thread", thread, "coating", coating, "standard", "DIN 125")));
            }
        }
        double[] diameters = {3.5, 3.9, 4.2, 4.8, 5.5};
        String[] heads = {"потай", "пресс-шайба", "полукруглая"};
        for (String[] kind : new String[][] {{"M", "по металлу"}, {"W", "по дереву"}}) {
        for (double diameter : diameters) {
            for (int length : new int[] {16, 19, 25, 32, 41, 51, 70, 90}) {
                for (String head : heads) {
                    String sku = "SCR-" + kind[0] + "-" + diameter + "x" + length + "-" + code(head);
                    rows.add(new Row(sku, "Саморез " + kind[1] + " " + diameter + "×" + length + ", " + head + ", цинк",
                            "Self-tapping screw " + diameter + "x" + length, pick(random, "Fixpro", "Daxmer", "Зубр"),
                            null, ean(random), "796", "шт", new BigDecimal("250"), new BigDecimal("250"),
                            new BigDecimal("0.002"), "22", BigDecimal.valueOf(0.35 + diameter * length / 400.0)
                                    .setScale(4, RoundingMode.HALF_UP), screws, "ACTIVE", null, true,
                            Map.of("diameter_mm", diameter, "length_mm", length, "head", head, "coating", "цинк")));
                }
            }
        }
        }
        for (int diameter : new int[] {6, 8, 10, 12, 14, 16}) {
            for (int length : new int[] {40, 60, 80, 100, 120, 150}) {
                rows.add(new Row("ANC-" + diameter + "x" + length, "Анкер клиновой " + diameter + "×" + length,
                        "Wedge anchor " + diameter + "x" + length, pick(random, "Sormat", "Fischer", "Mungo"),
                        "FAZ" + diameter + length, ean(random), "796", "шт", new BigDecimal("25"), new BigDecimal("25"),
                        new BigDecimal("0.05"), "22", BigDecimal.valueOf(8 + diameter * length / 30.0)
                                .setScale(4, RoundingMode.HALF_UP), anchors, "ACTIVE", null, false,
                        Map.of("diameter_mm", diameter, "length_mm", length, "material", "оцинкованная сталь")));
            }
        }

        long hand = category(tools, "hand-tools", "Ручной инструмент", "Hand tools");
        long power = category(tools, "power-tools", "Электроинструмент", "Power tools");
        link(hand, attributes, "tool_size", "material");
        link(power, attributes, "power_w", "voltage_v", "battery");
        String[] powerBrands = {"Bosch", "Makita", "DeWalt", "Metabo", "Интерскол", "Зубр"};
        String[][] powerTypes = {{"Дрель ударная", "Impact drill"}, {"Шуруповёрт аккумуляторный", "Cordless screwdriver"},
            {"Угловая шлифмашина", "Angle grinder"}, {"Перфоратор SDS-plus", "SDS-plus rotary hammer"},
            {"Лобзик электрический", "Jigsaw"}};
        int model = 100;
        for (String brand : powerBrands) {
            for (String[] type : powerTypes) {
                for (int variant = 0; variant < 4; variant++) {
                    model += 7;
                    boolean battery = type[0].contains("аккумулятор");
                    int watts = battery ? 0 : 600 + variant * 250;
                    rows.add(new Row("PWR-" + code(brand) + "-" + model, type[0] + " " + brand + " " + model
                            + (battery ? " 18 В" : " " + watts + " Вт"), type[1] + " " + brand + " " + model, brand,
                            brand.substring(0, 2).toUpperCase() + model, ean(random), "796", "шт", BigDecimal.ONE,
                            BigDecimal.ONE, new BigDecimal("2.1"), "22", BigDecimal.valueOf(3500 + variant * 2100 + model),
                            power, "ACTIVE", null, false, battery
                                    ? Map.of("voltage_v", 18, "battery", "Li-Ion 2×2,0 А·ч")
                                    : Map.of("power_w", watts, "voltage_v", 220)));
                }
            }
        }
        String[][] handTypes = {{"Ключ рожковый", "Open-end spanner"}, {"Ключ накидной", "Ring spanner"},
            {"Отвёртка шлицевая", "Flat screwdriver"}, {"Головка торцевая", "Socket"}};
        for (String[] type : handTypes) {
            for (int size = 6; size <= 32; size++) {
                rows.add(new Row("HND-" + code(type[1]) + "-" + size, type[0] + " " + size + " мм, CrV",
                        type[1] + " " + size + " mm, CrV", pick(random, "Kraftool", "Зубр", "Stayer", "Gross"), null,
                        ean(random), "796", "шт", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.15"), "22",
                        BigDecimal.valueOf(90 + size * 11), hand, "ACTIVE", null, true,
                        Map.of("tool_size", size, "material", "CrV")));
            }
        }

        long cable = category(electrical, "cable", "Кабель и провод", "Cable and wire");
        long breakers = category(electrical, "breakers", "Автоматические выключатели", "Circuit breakers");
        link(cable, attributes, "cores", "section_mm2", "cable_type");
        link(breakers, attributes, "rated_current_a", "poles", "curve");
        for (String type : new String[] {"ВВГнг(А)-LS", "NYM", "ПВС", "КГ"}) {
            for (int cores : new int[] {2, 3, 4, 5}) {
                for (double section : new double[] {0.75, 1.5, 2.5, 4, 6, 10, 16}) {
                    rows.add(new Row("CBL-" + code(type) + "-" + cores + "x" + section, "Кабель " + type + " " + cores + "×"
                            + section + " мм²", "Cable " + type + " " + cores + "x" + section + " mm2",
                            pick(random, "Кольчугино", "Севкабель", "Камкабель"), null, ean(random), "006", "м",
                            BigDecimal.ONE, new BigDecimal("10"), BigDecimal.valueOf(0.05 * cores * section)
                                    .setScale(3, RoundingMode.HALF_UP), "22",
                            BigDecimal.valueOf(cores * section * 9.5 + 12).setScale(4, RoundingMode.HALF_UP), cable,
                            "ACTIVE", null, true, Map.of("cores", cores, "section_mm2", section, "cable_type", type)));
                }
            }
        }
        for (String brand : new String[] {"IEK", "Schneider Electric", "ABB", "EKF"}) {
            for (int current : new int[] {6, 10, 16, 20, 25, 32, 40, 50, 63}) {
                for (int poles : new int[] {1, 2, 3}) {
                    for (String curve : new String[] {"B", "C"}) {
                        rows.add(new Row("BRK-" + code(brand) + "-" + poles + "P-" + curve + current,
                                "Автоматический выключатель " + brand + " " + poles + "P " + curve + current + " 4,5 кА",
                                "Circuit breaker " + brand + " " + poles + "P " + curve + current, brand, null,
                                ean(random), "796", "шт", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.12"), "22",
                                BigDecimal.valueOf(140 + current * 3 + poles * 120), breakers, "ACTIVE", null, true,
                                Map.of("rated_current_a", current, "poles", poles, "curve", curve)));
                    }
                }
            }
        }

        long enamel = category(paint, "enamel", "Эмали и краски", "Enamels and paints");
        long primer = category(paint, "primer", "Грунтовки", "Primers");
        link(enamel, attributes, "color", "volume_l", "base");
        link(primer, attributes, "volume_l", "base");
        String[] colors = {"белый", "чёрный", "серый", "красный", "синий", "зелёный", "жёлтый", "коричневый"};
        for (String brand : new String[] {"Tikkurila", "Текс", "Dufa", "Престиж"}) {
            for (String color : colors) {
                for (double volume : new double[] {0.9, 2.7, 9}) {
                    rows.add(new Row("PNT-" + code(brand) + "-" + code(color) + "-" + volume, "Эмаль ПФ-115 " + brand + " "
                            + color + " " + volume + " л", "Alkyd enamel " + brand + " " + volume + " l", brand, null,
                            ean(random), "112", "л", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(volume * 1.3)
                                    .setScale(3, RoundingMode.HALF_UP), "22",
                            BigDecimal.valueOf(volume * 260).setScale(4, RoundingMode.HALF_UP), enamel, "ACTIVE", null,
                            false, Map.of("color", color, "volume_l", volume, "base", "алкидная")));
                }
            }
            for (double volume : new double[] {1, 5, 10}) {
                rows.add(new Row("PRM-" + code(brand) + "-" + volume, "Грунтовка ГФ-021 " + brand + " серая " + volume
                        + " л", "Primer GF-021 " + brand + " " + volume + " l", brand, null, ean(random), "112", "л",
                        BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(volume * 1.4).setScale(3, RoundingMode.HALF_UP),
                        "22", BigDecimal.valueOf(volume * 190).setScale(4, RoundingMode.HALF_UP), primer, "ACTIVE",
                        null, false, Map.of("volume_l", volume, "base", "алкидная")));
            }
        }

        long gloves = category(workwear, "gloves", "Перчатки", "Gloves");
        long suits = category(workwear, "suits", "Рабочие костюмы", "Work suits");
        link(gloves, attributes, "glove_size", "material");
        link(suits, attributes, "clothing_size", "season");
        for (String material : new String[] {"х/б с ПВХ", "нитрил", "латекс", "спилок"}) {
            for (int size = 7; size <= 11; size++) {
                rows.add(new Row("GLV-" + code(material) + "-" + size, "Перчатки рабочие " + material + ", р. " + size,
                        "Work gloves " + size, pick(random, "Манипула", "Восток-Сервис", "Ansell"), null, ean(random),
                        "715", "пар", new BigDecimal("12"), new BigDecimal("12"), new BigDecimal("0.06"), "22",
                        BigDecimal.valueOf(38 + size * 4), gloves, "ACTIVE", null, true,
                        Map.of("glove_size", size, "material", material)));
            }
        }
        for (String season : new String[] {"летний", "зимний"}) {
            for (int size = 44; size <= 64; size += 2) {
                rows.add(new Row("SUT-" + code(season) + "-" + size, "Костюм рабочий " + season + ", р. " + size + "-"
                        + (size + 2), "Work suit " + size, pick(random, "Восток-Сервис", "Техноавиа"), null, ean(random),
                        "796", "шт", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("1.4"), "22",
                        BigDecimal.valueOf("зимний".equals(season) ? 3900 : 1700), suits, "ACTIVE", null, false,
                        Map.of("clothing_size", size, "season", season)));
            }
        }
        insert(rows);
        discontinue("PWR-BOSCH-107", "PWR-BOSCH-114");
        discontinue("BLT-933-M5x16-ZINC", "BLT-933-M5x20-ZINC");
        stock();
        relate();
        images();
        jdbc.sql("insert into catalog.segment (code, name) values ('fasteners', 'Только крепёж')").update();
        jdbc.sql("insert into catalog.segment_item (segment_code, category_id) values ('fasteners', :c)")
                .param("c", fasteners).update();
    }

    private Map<String, Long> attributes() {
        Object[][] definitions = {
            {"thread", "Резьба", "Thread", "ENUM", null}, {"length_mm", "Длина", "Length", "NUMBER", "мм"},
            {"strength_class", "Класс прочности", "Strength class", "ENUM", null},
            {"coating", "Покрытие", "Coating", "ENUM", null}, {"standard", "Стандарт", "Standard", "ENUM", null},
            {"diameter_mm", "Диаметр", "Diameter", "NUMBER", "мм"}, {"head", "Головка", "Head", "ENUM", null},
            {"material", "Материал", "Material", "ENUM", null}, {"tool_size", "Размер", "Size", "NUMBER", "мм"},
            {"power_w", "Мощность", "Power", "NUMBER", "Вт"}, {"voltage_v", "Напряжение", "Voltage", "NUMBER", "В"},
            {"battery", "Аккумулятор", "Battery", "TEXT", null}, {"cores", "Число жил", "Cores", "NUMBER", null},
            {"section_mm2", "Сечение", "Cross-section", "NUMBER", "мм²"},
            {"cable_type", "Марка кабеля", "Cable type", "ENUM", null},
            {"rated_current_a", "Номинальный ток", "Rated current", "NUMBER", "А"},
            {"poles", "Число полюсов", "Poles", "NUMBER", null}, {"curve", "Характеристика", "Curve", "ENUM", null},
            {"color", "Цвет", "Colour", "ENUM", null}, {"volume_l", "Объём", "Volume", "NUMBER", "л"},
            {"base", "Основа", "Base", "ENUM", null}, {"glove_size", "Размер перчаток", "Glove size", "NUMBER", null},
            {"clothing_size", "Размер одежды", "Clothing size", "NUMBER", null},
            {"season", "Сезон", "Season", "ENUM", null}};
        Map<String, Long> ids = new LinkedHashMap<>();
        int position = 0;
        for (Object[] d : definitions) {
            ids.put((String) d[0], jdbc.sql("""
                            insert into catalog.attribute (code, name, name_en, type, unit, position)
                            values (:code, :name, :nameEn, :type, :unit, :position) returning id""")
                    .param("code", d[0]).param("name", d[1]).param("nameEn", d[2]).param("type", d[3])
                    .param("unit", d[4]).param("position", position++).query(Long.class).single());
        }
        return ids;
    }

    private long category(Long parent, String code, String name, String nameEn) {
        long id = jdbc.sql("""
                        insert into catalog.category (parent_id, code, name, name_en, path)
                        values (:parent, :code, :name, :nameEn, '') returning id""")
                .param("parent", parent).param("code", code).param("name", name).param("nameEn", nameEn)
                .query(Long.class).single();
        jdbc.sql("""
                        update catalog.category set path = coalesce((select path from catalog.category where id = :parent),
                                                                    '/') || id || '/'
                         where id = :id""")
                .param("parent", parent).param("id", id).update();
        return id;
    }

    private void link(long category, Map<String, Long> attributes, String... codes) {
        for (String code : codes) {
            jdbc.sql("insert into catalog.category_attribute (category_id, attribute_id) values (:c, :a)")
                    .param("c", category).param("a", attributes.get(code)).update();
        }
    }

    private void insert(List<Row> rows) {
        jdbc.sql("""
                        insert into catalog.product (sku, name, name_en, brand, mpn, barcodes, unit_code, unit_name,
                            pack_multiple, min_order_qty, weight_kg, vat_rate, purchase_cost, category_id, status,
                            successor_sku, backorder_allowed, lead_time_days, attributes)
                        select sku, name, name_en, brand, mpn, array[barcode], unit_code, unit_name, pack, min_qty,
                               weight, vat, cost, category_id, status, successor, backorder,
                               case when backorder then 14 end, cast(attrs as jsonb)
                          from unnest(:sku, :name, :nameEn, :brand, :mpn, :barcode, :unitCode, :unitName, :pack, :minQty,
                                      :weight, :vat, :cost, :category, :status, :successor, :backorder, :attrs)
                               as r(sku, name, name_en, brand, mpn, barcode, unit_code, unit_name, pack, min_qty, weight,
                                    vat, cost, category_id, status, successor, backorder, attrs)""")
                .param("sku", rows.stream().map(Row::sku).toArray(String[]::new))
                .param("name", rows.stream().map(Row::name).toArray(String[]::new))
                .param("nameEn", rows.stream().map(Row::nameEn).toArray(String[]::new))
                .param("brand", rows.stream().map(Row::brand).toArray(String[]::new))
                .param("mpn", rows.stream().map(Row::mpn).toArray(String[]::new))
                .param("barcode", rows.stream().map(Row::barcode).toArray(String[]::new))
                .param("unitCode", rows.stream().map(Row::unitCode).toArray(String[]::new))
                .param("unitName", rows.stream().map(Row::unitName).toArray(String[]::new))
                .param("pack", rows.stream().map(Row::pack).toArray(BigDecimal[]::new))
                .param("minQty", rows.stream().map(Row::minQty).toArray(BigDecimal[]::new))
                .param("weight", rows.stream().map(Row::weight).toArray(BigDecimal[]::new))
                .param("vat", rows.stream().map(Row::vat).toArray(String[]::new))
                .param("cost", rows.stream().map(Row::cost).toArray(BigDecimal[]::new))
                .param("category", rows.stream().map(Row::categoryId).toArray(Long[]::new))
                .param("status", rows.stream().map(Row::status).toArray(String[]::new))
                .param("successor", rows.stream().map(Row::successor).toArray(String[]::new))
                .param("backorder", rows.stream().map(Row::backorder).toArray(Boolean[]::new))
                .param("attrs", rows.stream().map(r -> JSON.writeValueAsString(r.attributes())).toArray(String[]::new))
                .update();
    }

    private void discontinue(String sku, String successor) {
        jdbc.sql("update catalog.product set status = 'DISCONTINUED', successor_sku = :s where sku = :sku")
                .param("s", successor).param("sku", sku).update();
    }

    /** Two warehouses; most products in stock somewhere, some only incoming, some out of stock. */
    private void stock() {
        long moscow = jdbc.sql("""
                        insert into catalog.warehouse (code, name, address, position)
                        values ('msk', 'Склад Москва', 'г. Москва, ул. Складочная, д. 1', 0) returning id""")
                .query(Long.class).single();
        long podolsk = jdbc.sql("""
                        insert into catalog.warehouse (code, name, address, position)
                        values ('pdl', 'Склад Подольск', 'г. Подольск, Домодедовское ш., д. 20', 1) returning id""")
                .query(Long.class).single();
        jdbc.sql("""
                        insert into catalog.stock (product_id, warehouse_id, on_hand, reserved, incoming, incoming_date)
                        select p.id, w.id,
                               case when (p.id * 7 + w.id) % 10 < 2 then 0 else ((p.id * 37 + w.id * 11) % 500) * p.pack_multiple end,
                               0,
                               case when (p.id + w.id) % 9 = 0 then 200 * p.pack_multiple else 0 end,
                               case when (p.id + w.id) % 9 = 0 then current_date + cast((p.id % 20) + 3 as int) end
                          from catalog.product p cross join catalog.warehouse w""").update();
        // held in the ERP for other channels (the portal's own orders reserve on top of it)
        jdbc.sql("update catalog.stock set held = floor(on_hand / 10) where on_hand > 0 and product_id % 3 = 0")
                .update();
    }

    /**
     * A generated placeholder picture per product family (a coloured tile with a simple shape, no text, so no fonts
     * are needed), attached to every product of the family as its image.
     */
    private void images() {
        List<Long> leaves = jdbc.sql("""
                        select c.id from catalog.category c
                         where not exists (select 1 from catalog.category k where k.parent_id = c.id) order by c.id""")
                .query(Long.class).list();
        int hue = 0;
        for (long category : leaves) {
            String sha = blobs.put(tile(hue), "category-" + category + ".png").sha256();
            hue = (hue + 47) % 360;
            jdbc.sql("""
                            insert into catalog.product_file (product_id, kind, title, blob_sha256)
                            select id, 'IMAGE', name, :sha from catalog.product where category_id = :category""")
                    .param("sha", sha).param("category", category).update();
        }
    }

    private static byte[] tile(int hue) {
        var image = new java.awt.image.BufferedImage(160, 160, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.getHSBColor(hue / 360f, 0.25f, 0.97f));
        g.fillRect(0, 0, 160, 160);
        g.setColor(java.awt.Color.getHSBColor(hue / 360f, 0.55f, 0.55f));
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.fillRoundRect(40, 30, 80, 24, 8, 8);
        g.fillRect(68, 54, 24, 80);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Analogs: the same product family of another brand. */
    private void relate() {
        jdbc.sql("""
                        insert into catalog.product_relation (product_id, related_id, kind)
                        select a.id, b.id, 'ANALOG' from catalog.product a
                          join catalog.product b on b.category_id = a.category_id and b.id <> a.id
                               and b.attributes = a.attributes and b.brand <> a.brand
                        on conflict do nothing""").update();
    }

    private static String pick(RandomGenerator random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String code(String text) {
        String ascii = switch (text) {
            case "цинк" -> "zinc";
            case "без покрытия" -> "plain";
            case "горячий цинк" -> "hdg";
            default -> java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                    .chars().mapToObj(c -> translit((char) c)).reduce("", String::concat);
        };
        return ascii.toUpperCase().replaceAll("[^A-Z0-9]+", "").substring(0, Math.min(12, ascii.replaceAll("[^A-Za-z0-9]+", "").length()));
    }

    private static String translit(char c) {
        String from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        String[] to = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
            "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"};
        int i = from.indexOf(Character.toLowerCase(c));
        return i >= 0 ? to[i] : String.valueOf(c);
    }

    private static String ean(RandomGenerator random) {
        StringBuilder digits = new StringBuilder("460");
        while (digits.length() < 12) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static BigDecimal pack(int length) {
        return length <= 40 ? new BigDecimal("100") : new BigDecimal("50");
    }

    private static BigDecimal weight(String thread, int length) {
        int d = Integer.parseInt(thread.substring(1));
        return BigDecimal.valueOf(d * d * length * 0.0000062).setScale(3, RoundingMode.HALF_UP).max(new BigDecimal("0.001"));
    }

    private static BigDecimal cost(String thread, int length, double factor) {
        int d = Integer.parseInt(thread.substring(1));
        return BigDecimal.valueOf((0.8 + d * d * length / 900.0) * factor).setScale(4, RoundingMode.HALF_UP);
    }
}
