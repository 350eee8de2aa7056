-- Customers: the electronic supply agreement. The seller publishes numbered versions of the contract text; the
-- portal renders it into a PDF for each approved legal entity with both parties' requisites; the buyer's company
-- administrator accepts it with a click, and the acceptance goes into an append-only, hash-chained log.

-- A version is data, not code: publishing one is an insert. The body is XHTML (p, h2, ol, li, b...) with
-- {{placeholders}} for the parties and the commercial terms (AgreementBody), rendered inside the fixed PDF
-- template customers/agreement-pdf. The highest version is the current one.
create table customers.agreement_template (
    version    int         primary key check (version > 0),
    title      text        not null check (length(title) between 1 and 300),
    body       text        not null check (length(body) between 1 and 200000),
    created_at timestamptz not null default now(),
    created_by bigint      references platform.user_account (id)
);

-- The PDF of one version for one legal entity, rendered once and kept: an acceptance names its SHA-256, and the
-- blob store never changes or deletes a blob. document_date is printed in the contract and in the PDF metadata.
create table customers.agreement_document (
    id               bigint      generated always as identity primary key,
    legal_entity_id  bigint      not null references customers.legal_entity (id),
    template_version int         not null references customers.agreement_template (version),
    pdf_sha256       text        not null references platform.blob (sha256),
    document_date    timestamptz not null,
    rendered_at      timestamptz not null default now(),
    unique (legal_entity_id, template_version)
);

-- Who accepted which exact PDF, for which legal entity, when (UTC) and from where. entry_hash is the SHA-256 of
-- the canonical text of the row (AcceptanceChain) including prev_hash, the entry_hash of the row before it (a
-- fixed genesis value for the first), so changing, removing or reordering any row breaks every hash after it.
-- Appends are serialised by a table lock (AcceptanceLog), and unique prev_hash makes a forked chain impossible.
create table customers.agreement_acceptance (
    seq              bigint      generated always as identity primary key,
    legal_entity_id  bigint      not null references customers.legal_entity (id),
    user_id          bigint      not null references platform.user_account (id),
    accepted_at      timestamptz not null,
    ip               text        not null check (length(ip) between 1 and 100),
    user_agent       text        not null check (length(user_agent) <= 500),
    template_version int         not null references customers.agreement_template (version),
    pdf_sha256       text        not null references platform.blob (sha256),
    prev_hash        text        not null unique check (prev_hash ~ '^[0-9a-f]{64}$'),
    entry_hash       text        not null unique check (entry_hash ~ '^[0-9a-f]{64}$'),
    -- a legal entity accepts a version once; accepting again is answered with the first acceptance
    unique (legal_entity_id, template_version)
);

create function customers.agreement_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% rows are append-only: % refused', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation',
              hint = 'Publish a new agreement version or record a new acceptance instead.';
end
$$;

create trigger agreement_template_is_append_only before update or delete on customers.agreement_template
    for each row execute function customers.agreement_is_append_only();
create trigger agreement_template_is_not_truncated before truncate on customers.agreement_template
    for each statement execute function customers.agreement_is_append_only();
create trigger agreement_document_is_append_only before update or delete on customers.agreement_document
    for each row execute function customers.agreement_is_append_only();
create trigger agreement_document_is_not_truncated before truncate on customers.agreement_document
    for each statement execute function customers.agreement_is_append_only();
create trigger agreement_acceptance_is_append_only before update or delete on customers.agreement_acceptance
    for each row execute function customers.agreement_is_append_only();
create trigger agreement_acceptance_is_not_truncated before truncate on customers.agreement_acceptance
    for each statement execute function customers.agreement_is_append_only();

insert into customers.agreement_template (version, title, body) values (1, 'Договор поставки', $body$
<p>{{seller.name}} (ИНН {{seller.inn}}), именуемое в дальнейшем «Поставщик», с одной стороны, и {{buyer.name}}
(ИНН {{buyer.inn}}), именуемое в дальнейшем «Покупатель», с другой стороны, совместно именуемые «Стороны»,
заключили настоящий договор (далее — «Договор») о нижеследующем.</p>

<h2>1. Предмет договора</h2>
<p>1.1. Поставщик обязуется передавать в собственность Покупателя товары (далее — «Товар»), а Покупатель обязуется
принимать и оплачивать Товар на условиях Договора.</p>
<p>1.2. Наименование, ассортимент, количество и цена Товара согласуются Сторонами в заказах, которые Покупатель
оформляет на B2B-портале Поставщика в сети Интернет (далее — «Портал», «Заказ»), и указываются в счетах и
универсальных передаточных документах (УПД) Поставщика.</p>

<h2>2. Цена товара</h2>
<p>2.1. Товар поставляется по ценам, действующим на Портале для Покупателя в момент оформления Заказа (тип цен
«{{terms.priceType}}»). Цена фиксируется в Заказе, подтверждённом Поставщиком, и после подтверждения не меняется.</p>
<p>2.2. Цены включают налог на добавленную стоимость по ставке, установленной законодательством Российской Федерации,
если Поставщик является его плательщиком. Стоимость доставки указывается в Заказе отдельной строкой.</p>

<h2>3. Порядок оформления заказов</h2>
<p>3.1. Покупатель оформляет Заказы на Портале через учётные записи своих уполномоченных пользователей или через
программный интерфейс (API) Портала. Действия, совершённые с использованием учётной записи или API-ключа
пользователя Покупателя, признаются действиями Покупателя.</p>
<p>3.2. Заказ считается принятым Поставщиком с момента его подтверждения на Портале. Поставщик вправе отклонить Заказ
или подтвердить его частично при отсутствии Товара на складе, сообщив об этом Покупателю на Портале.</p>
<p>3.3. Минимальная сумма Заказа: {{terms.minOrder}}.</p>

<h2>4. Поставка и приёмка</h2>
<p>4.1. Способ поставки: {{terms.delivery}}. Срок поставки указывается в подтверждённом Заказе.</p>
<p>4.2. Право собственности на Товар и риск его случайной гибели переходят к Покупателю в момент передачи Товара
Покупателю или первому перевозчику, что подтверждается подписанием УПД.</p>
<p>4.3. Покупатель принимает Товар по количеству мест и по внешнему виду упаковки при передаче. Претензии о недостаче,
пересортице и скрытых недостатках Товара направляются через Портал в течение 14 (четырнадцати) календарных дней с
даты передачи Товара.</p>

<h2>5. Порядок расчётов</h2>
<p>5.1. Условия оплаты: {{terms.payment}}.</p>
<p>5.2. Кредитный лимит Покупателя: {{terms.creditLimit}}. Если сумма неоплаченных Заказов превышает кредитный лимит,
Поставщик вправе приостановить подтверждение новых Заказов до погашения задолженности.</p>
<p>5.3. Оплата производится в рублях на расчётный счёт Поставщика по счёту, размещённому на Портале. Обязательство
Покупателя по оплате считается исполненным в момент зачисления денежных средств на расчётный счёт Поставщика.</p>
<p>5.4. Стороны ежеквартально сверяют взаиморасчёты; акт сверки размещается на Портале.</p>

<h2>6. Ответственность сторон</h2>
<p>6.1. За просрочку оплаты Поставщик вправе потребовать от Покупателя уплаты неустойки в размере 0,1 % от
неоплаченной в срок суммы за каждый день просрочки, но не более 10 % от этой суммы.</p>
<p>6.2. За просрочку поставки Покупатель вправе потребовать от Поставщика уплаты неустойки в размере 0,1 % от
стоимости не поставленного в срок Товара за каждый день просрочки, но не более 10 % от этой стоимости.</p>
<p>6.3. Стороны освобождаются от ответственности за неисполнение обязательств, вызванное обстоятельствами
непреодолимой силы, при условии уведомления другой Стороны в течение 5 (пяти) рабочих дней с их наступления.</p>

<h2>7. Разрешение споров</h2>
<p>7.1. Споры разрешаются путём переговоров. Претензионный порядок обязателен; срок ответа на претензию — 10 (десять)
рабочих дней с даты её получения.</p>
<p>7.2. Неурегулированные споры передаются на рассмотрение в арбитражный суд по месту нахождения Поставщика.</p>

<h2>8. Срок действия и изменение договора</h2>
<p>8.1. Договор вступает в силу с момента его акцепта Покупателем и действует до 31 декабря года, в котором он
заключён. Если ни одна из Сторон за 30 (тридцать) календарных дней до окончания срока не заявит о прекращении
Договора, он продлевается на каждый следующий календарный год.</p>
<p>8.2. Поставщик вправе предложить новую редакцию Договора, разместив её на Портале. Новая редакция применяется к
Заказам, оформленным после её акцепта Покупателем; до акцепта новой редакции оформление новых Заказов недоступно.</p>

<h2>9. Заключение договора в электронной форме</h2>
<p>9.1. Договор заключается путём акцепта Покупателем настоящей оферты на Портале: уполномоченный пользователь
Покупателя (администратор компании) нажимает кнопку «Принять договор» на странице Договора (статьи 434 и 438
Гражданского кодекса Российской Федерации).</p>
<p>9.2. Стороны признают акцепт на Портале простой электронной подписью Покупателя в смысле Федерального закона от
06.04.2011 № 63-ФЗ «Об электронной подписи», а Договор — равнозначным документу на бумажном носителе, подписанному
собственноручными подписями Сторон.</p>
<p>9.3. При акцепте Портал сохраняет в журнале акцептов пользователя, юридическое лицо, дату и время (UTC), IP-адрес,
сведения о браузере, версию Договора и контрольную сумму SHA-256 файла Договора. Записи журнала связаны цепочкой
контрольных сумм и не могут быть изменены или удалены. Данные журнала являются достаточным доказательством акцепта.</p>
$body$);
