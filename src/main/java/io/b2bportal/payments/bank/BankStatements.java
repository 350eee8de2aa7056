package io.b2bportal.payments.bank;

import io.b2bportal.payments.payment.Allocations;
import io.b2bportal.payments.payment.NewPayment;
import io.b2bportal.payments.payment.PaymentSource;
import io.b2bportal.payments.payment.PaymentStatus;
import io.b2bportal.payments.payment.Payments;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Seller;
import io.b2bportal.shared.DomainException;
import io.b2bportal.shared.Hashes;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a 1C client-bank statement: each incoming payment to the seller's account becomes a payment, matched to its
 * invoices ({@link PaymentMatcher}) and posted, or left for review. Each document is imported in its own transaction
 * (all or nothing for that payment); one that is broken is reported and the others still go in. A payment is known by
 * its payer account, number, date, amount and payer INN: importing the same file again imports nothing new.
 * Amounts are read as the format writes them, with a decimal point; an amount with a decimal comma ("1234,56") is
 * refused for that payment, with a message, rather than guessed (a comma may also be a thousands separator).
 */
@Service
public class BankStatements {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BankStatements.class);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");
    private static final Pattern COMMA_AMOUNT = Pattern.compile("\\d{1,15},\\d{1,2}");

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Allocations allocations;
    private final PaymentMatcher matcher;
    private final PlatformApi platform;
    private final TransactionTemplate tx;

    BankStatements(JdbcClient jdbc, Payments payments, Allocations allocations, PaymentMatcher matcher,
            PlatformApi platform, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.allocations = allocations;
        this.matcher = matcher;
        this.platform = platform;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Imports the file and returns what became of each document. A file refused as a whole (empty, too large, not a
     * 1C exchange file, wrong encoding, cut short, a statement of another account) is kept in the history with the
     * reason and the refusal is thrown (422 / 413) with nothing imported.
     */
    public StatementView importFile(String fileName, byte[] bytes, long userId) {
        String name = fileName == null || fileName.isBlank() ? "statement.txt" : fileName.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        String sha = Hashes.sha256Hex(bytes);
        ClientBankExchange.Parsed parsed;
        String account;
        try {
            if (bytes.length > MAX_BYTES) {
                throw new DomainException(413, "statement-too-large", "payments.statement.too-large",
                        MAX_BYTES / (1024 * 1024));
            }
            parsed = ClientBankExchange.parse(bytes);
            account = sellerAccount();
            String statementAccount = parsed.header().get("РасчСчет");
            if (statementAccount != null && !statementAccount.isBlank() && !statementAccount.strip().equals(account)) {
                throw DomainException.invalid("statement-other-account", "payments.statement.other-account",
                        statementAccount.strip(), account);
            }
        } catch (DomainException e) {
            String finalName = name;
            tx.executeWithoutResult(s -> jdbc.sql("""
                            insert into payments.bank_statement (file_name, sha256, size_bytes, refused_key,
                                                                 refused_args, uploaded_by)
                            values (:name, :sha, :size, :key, :args, :by)""")
                    .param("name", finalName).param("sha", sha).param("size", (long) bytes.length)
                    .param("key", e.messageKey())
                    .param("args", Arrays.stream(e.arguments()).map(String::valueOf).toArray(String[]::new))
                    .param("by", userId).update());
            throw e;
        }
        String finalName = name;
        long statementId = tx.execute(s -> jdbc.sql("""
                        insert into payments.bank_statement (file_name, sha256, size_bytes, encoding, account,
                                                             period_from, period_to, documents, uploaded_by)
                        values (:name, :sha, :size, :encoding, :account, :from, :to, :documents, :by)
                        returning id""")
                .param("name", finalName).param("sha", sha).param("size", (long) bytes.length)
                .param("encoding", parsed.encoding()).param("account", account)
                .param("from", date(parsed.header().get("ДатаНачала")).orElse(null))
                .param("to", date(parsed.header().get("ДатаКонца")).orElse(null))
                .param("documents", parsed.documents().size()).param("by", userId)
                .query(Long.class).single());
        for (ClientBankExchange.Document document : parsed.documents()) {
            importDocument(statementId, document, account, userId);
        }
        jdbc.sql("""
                        update payments.bank_statement s set
                               imported = (select count(*) from payments.bank_statement_line l
                                            where l.statement_id = s.id and l.result = 'POSTED'),
                               unmatched = (select count(*) from payments.bank_statement_line l
                                             where l.statement_id = s.id and l.result = 'UNMATCHED'),
                               duplicates = (select count(*) from payments.bank_statement_line l
                                              where l.statement_id = s.id and l.result = 'DUPLICATE'),
                               skipped = (select count(*) from payments.bank_statement_line l
                                           where l.statement_id = s.id and l.result = 'SKIPPED'),
                               errors = (select count(*) from payments.bank_statement_line l
                                          where l.statement_id = s.id and l.result = 'ERROR')
                         where id = :id""")
                .param("id", statementId).update();
        return find(statementId).orElseThrow();
    }

    private String sellerAccount() {
        return platform.seller().map(Seller::settlementAccount).filter(a -> a != null && !a.isBlank())
                .map(String::strip)
                .orElseThrow(() -> DomainException.conflict("seller-account-missing", "payments.statement.no-seller"));
    }

    private record Line(String docNumber, LocalDate docDate, BigDecimal amount, String payerInn, String payerName) {
    }

    private void importDocument(long statementId, ClientBankExchange.Document d, String account, long userId) {
        int lineNo = d.index() + 1;
        Line head = new Line(d.get("Номер"), date(d.get("Дата")).orElse(null),
                d.get("Сумма") != null && AMOUNT.matcher(d.get("Сумма")).matches() ? new BigDecimal(d.get("Сумма"))
                        : null,
                d.get("ПлательщикИНН"), payerName(d));
        Optional<String[]> problem = problem(d);
        if (problem.isPresent()) {
            String[] p = problem.get();
            line(statementId, lineNo, head, "ERROR", p[0], Arrays.copyOfRange(p, 1, p.length), null);
            return;
        }
        String payerAccount = first(d.get("ПлательщикСчет"), d.get("ПлательщикРасчСчет"));
        String recipientAccount = first(d.get("ПолучательСчет"), d.get("ПолучательРасчСчет"));
        if (account.equals(payerAccount)) {
            line(statementId, lineNo, head, "SKIPPED", "payments.statement.doc.outgoing",
                    new String[] {String.valueOf(d.get("Получатель1") != null ? d.get("Получатель1")
                            : d.get("Получатель"))}, null);
            return;
        }
        if (!account.equals(recipientAccount)) {
            line(statementId, lineNo, head, "SKIPPED", "payments.statement.doc.other-account",
                    new String[] {String.valueOf(recipientAccount)}, null);
            return;
        }
        LocalDate received = date(d.get("ДатаПоступило")).orElse(head.docDate());
        String key = "bank:" + Hashes.sha256Hex(String.join("|", String.valueOf(payerAccount), head.docNumber(),
                head.docDate().toString(), head.amount().setScale(2).toPlainString(), String.valueOf(head.payerInn()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            tx.executeWithoutResult(s -> {
                Optional<Long> id = payments.insert(new NewPayment(null, PaymentSource.BANK_STATEMENT,
                        PaymentStatus.UNMATCHED, head.amount(), received, head.payerInn(), head.payerName(),
                        payerAccount, d.get("НазначениеПлатежа"), head.docNumber(), head.docDate(), key, statementId,
                        null, null, null, userId, null, null));
                if (id.isEmpty()) {
                    long existing = payments.idByDedupeKey(key).orElseThrow();
                    line(statementId, lineNo, head, "DUPLICATE", "payments.statement.doc.duplicate",
                            new String[] {String.valueOf(existing)}, existing);
                    return;
                }
                PaymentMatcher.Decision decision = matcher.decide(head.payerInn(), d.get("ПлательщикКПП"),
                        d.get("НазначениеПлатежа"), received.getYear());
                payments.setMatch(id.get(), decision.key(), decision.args());
                if (decision.legalEntityId() == null) {
                    line(statementId, lineNo, head, "UNMATCHED", decision.key(),
                            decision.args().toArray(String[]::new), id.get());
                    return;
                }
                Allocations.Posted posted = allocations.post(id.get(), decision.legalEntityId(),
                        decision.invoiceIds(), decision.oldestFirst(), userId);
                String outcome = outcome(posted);
                line(statementId, lineNo, head, "POSTED", outcome,
                        new String[] {String.valueOf(posted.toInvoices().size()), posted.advance().toPlainString()},
                        id.get());
            });
        } catch (RuntimeException e) {
            if (!(e instanceof DomainException) && !(e instanceof DataAccessException)) {
                LOG.warn("Statement {}, document {} was not imported", statementId, lineNo, e);
            }
            String message = e instanceof DomainException de ? de.messageKey() : "payments.statement.doc.failed";
            String[] args = e instanceof DomainException de
                    ? Arrays.stream(de.arguments()).map(String::valueOf).toArray(String[]::new) : new String[0];
            line(statementId, lineNo, head, "ERROR", message, args, null);
        }
    }

    private static String outcome(Allocations.Posted posted) {
        if (posted.toInvoices().isEmpty()) {
            return "payments.statement.doc.advance";
        }
        return posted.advance().signum() > 0 ? "payments.statement.doc.overpaid"
                : "payments.statement.doc.posted";
    }

    /** Why a document cannot be imported: message key first, then its arguments; empty when it can. */
    private static Optional<String[]> problem(ClientBankExchange.Document d) {
        if (d.problemKey() != null) {
            List<String> p = new ArrayList<>(List.of(d.problemKey()));
            p.addAll(d.problemArgs());
            return Optional.of(p.toArray(String[]::new));
        }
        String amount = d.get("Сумма");
        if (amount == null) {
            return Optional.of(new String[] {"payments.statement.doc.no-amount"});
        }
        if (COMMA_AMOUNT.matcher(amount).matches()) {
            return Optional.of(new String[] {"payments.statement.doc.amount-comma", amount});
        }
        if (!AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            return Optional.of(new String[] {"payments.statement.doc.bad-amount", amount});
        }
        if (d.get("Номер") == null) {
            return Optional.of(new String[] {"payments.statement.doc.no-number"});
        }
        if (d.get("Дата") == null || date(d.get("Дата")).isEmpty()) {
            return Optional.of(new String[] {"payments.statement.doc.bad-date", "Дата", String.valueOf(d.get("Дата"))});
        }
        if (d.get("ДатаПоступило") != null && date(d.get("ДатаПоступило")).isEmpty()) {
            return Optional.of(new String[] {"payments.statement.doc.bad-date", "ДатаПоступило",
                    d.get("ДатаПоступило")});
        }
        return Optional.empty();
    }

    private static String payerName(ClientBankExchange.Document d) {
        String name = d.get("Плательщик1");
        if (name == null) {
            name = d.get("Плательщик");
            // "ИНН 7704123450 ООО «Альфа Строй»" in the short form
            if (name != null) {
                name = name.replaceFirst("^ИНН\\s*\\d+\\s*", "");
            }
        }
        return name == null ? null : name.length() > 500 ? name.substring(0, 500) : name;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void line(long statementId, int lineNo, Line head, String result, String key, String[] args,
            Long paymentId) {
        jdbc.sql("""
                        insert into payments.bank_statement_line (statement_id, line_no, doc_number, doc_date, amount,
                                                                  payer_inn, payer_name, result, message_key,
                                                                  message_args, payment_id)
                        values (:statement, :line, :number, :date, :amount, :inn, :name, :result, :key, :args,
                                :payment)""")
                .param("statement", statementId).param("line", lineNo)
                .param("number", head.docNumber() == null ? null : truncate(head.docNumber(), 40))
                .param("date", head.docDate()).param("amount", head.amount())
                .param("inn", head.payerInn() == null ? null : truncate(head.payerInn(), 12))
                .param("name", head.payerName()).param("result", result).param("key", key).param("args", args)
                .param("payment", paymentId).update();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    // ------------------------------------------------------------------ reading

    private static final String COLUMNS = """
            s.id, s.file_name, s.sha256, s.size_bytes, s.encoding, s.account, s.period_from, s.period_to,
            s.refused_key, s.refused_args, s.documents, s.imported, s.unmatched, s.duplicates, s.skipped, s.errors,
            u.display_name as uploaded_by, s.uploaded_at,
            (select min(o.id) from payments.bank_statement o
              where o.sha256 = s.sha256 and o.id < s.id and o.refused_key is null) as same_file_as
            """;

    public List<StatementView> history(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from payments.bank_statement s join platform.user_account u on u.id = s.uploaded_by
                        order by s.id desc limit :limit""")
                .param("limit", limit).query((rs, n) -> statement(rs, List.of())).list();
    }

    public Optional<StatementView> find(long id) {
        List<StatementView.Line> lines = jdbc.sql("""
                        select line_no, doc_number, doc_date, amount, payer_inn, payer_name, result, message_key,
                               message_args, payment_id
                          from payments.bank_statement_line where statement_id = :id order by line_no""")
                .param("id", id)
                .query((rs, n) -> new StatementView.Line(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), strings(rs.getArray(9)), (Long) rs.getObject(10)))
                .list();
        return jdbc.sql("select " + COLUMNS + """
                         from payments.bank_statement s join platform.user_account u on u.id = s.uploaded_by
                        where s.id = :id""")
                .param("id", id).query((rs, n) -> statement(rs, lines)).optional();
    }

    /** The latest refused upload of this user with this content (to show its reason after the refusal). */
    private static StatementView statement(ResultSet rs, List<StatementView.Line> lines) throws SQLException {
        return new StatementView(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getString("encoding"), rs.getString("account"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("refused_key"), strings(rs.getArray("refused_args")), rs.getInt("documents"),
                rs.getInt("imported"), rs.getInt("unmatched"), rs.getInt("duplicates"), rs.getInt("skipped"),
                rs.getInt("errors"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
                (Long) rs.getObject("same_file_as"), lines);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
