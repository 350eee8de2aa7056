package io.b2bportal.crm.lead;

import io.b2bportal.crm.lead.Leads.LeadInput;
import io.b2bportal.platform.imports.RowSink;
import io.b2bportal.platform.imports.TableFile;
import io.b2bportal.shared.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leads from a CSV file (UTF-8 or windows-1251, separated by ; or , — the platform's table reader decides). The
 * header names the columns (company, inn, contact, phone, email, message, in English or Russian, any order). Each
 * row is checked and saved in a transaction of its own: a bad row is reported with its number and reason and
 * leaves nothing behind, the good rows are imported.
 */
@Service
public class LeadImport {

    static final int MAX_ROWS = 5_000;
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("company", "company"), Map.entry("компания", "company"), Map.entry("организация", "company"),
            Map.entry("inn", "inn"), Map.entry("инн", "inn"),
            Map.entry("contact", "contact"), Map.entry("контакт", "contact"), Map.entry("имя", "contact"),
            Map.entry("фио", "contact"),
            Map.entry("phone", "phone"), Map.entry("телефон", "phone"),
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("почта", "email"),
            Map.entry("message", "message"), Map.entry("comment", "message"), Map.entry("комментарий", "message"),
            Map.entry("сообщение", "message"));

    private final Leads leads;
    private final TransactionTemplate perRow;

    LeadImport(Leads leads, PlatformTransactionManager transactions) {
        this.leads = leads;
        this.perRow = new TransactionTemplate(transactions);
    }

    /** A row that was refused: its number as a spreadsheet shows it, and why (a message key with arguments). */
    public record RowError(int row, String key, Object[] args) {
    }

    public record Report(int imported, List<Long> leadIds, List<RowError> errors) {
    }

    public Report importCsv(String fileName, byte[] content, Long ownerId, long actorId) {
        TableFile table = TableFile.of(fileName, content);
        List<Long> ids = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        table.read(new RowSink() {
            private final Map<String, Integer> index = new HashMap<>();

            @Override
            public void header(List<String> columns) {
                for (int i = 0; i < columns.size(); i++) {
                    String known = COLUMNS.get(columns.get(i).strip().toLowerCase(Locale.ROOT));
                    if (known != null) {
                        index.putIfAbsent(known, i);
                    }
                }
                if (!index.containsKey("company") && !index.containsKey("contact")) {
                    throw DomainException.invalid("lead-import-header", "crm.leads.import.header");
                }
            }

            @Override
            public void row(int rowNo, List<String> cells) {
                if (ids.size() + errors.size() >= MAX_ROWS) {
                    throw DomainException.invalid("lead-import-rows", "crm.leads.import.too-many", MAX_ROWS);
                }
                LeadInput in = new LeadInput(cell(cells, "company"), cell(cells, "inn"), cell(cells, "contact"),
                        cell(cells, "phone"), cell(cells, "email"), cell(cells, "message"));
                try {
                    ids.add(perRow.execute(status -> leads.create("CSV_IMPORT", in, ownerId, actorId)));
                } catch (DomainException e) {
                    errors.add(new RowError(rowNo, e.messageKey(), e.arguments()));
                }
            }

            private String cell(List<String> cells, String column) {
                Integer i = index.get(column);
                return i == null || i >= cells.size() ? null : cells.get(i);
            }
        });
        return new Report(ids.size(), ids, errors);
    }
}
