package io.b2bportal.catalog.admin.web;

import io.b2bportal.catalog.admin.AdminProduct.StockEntry;
import io.b2bportal.catalog.admin.StockPolicy.StockLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.springframework.validation.Errors;

/**
 * Stock of one product at every warehouse, one row each. A row with an empty on-hand quantity is not stocked there.
 * Numbers are read here; the rules (nothing negative, reserved within on hand) are {@code StockPolicy}'s.
 */
record StockForm(List<Row> rows) {

    /** One warehouse; every value as typed (the date as {@code yyyy-MM-dd}, as date inputs send it). */
    record Row(String warehouseId, String onHand, String reserved, String incoming, String incomingDate) {

        Long warehouse() {
            try {
                return warehouseId == null ? null : Long.valueOf(warehouseId.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        LocalDate date() {
            try {
                return incomingDate == null || incomingDate.isBlank() ? null : LocalDate.parse(incomingDate.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    StockForm {
        // a row left out of a hand-made request (rows[0], rows[2]) is simply not there
        rows = rows == null ? new ArrayList<>() : new ArrayList<>(rows.stream().filter(Objects::nonNull).toList());
    }

    static StockForm of(List<StockEntry> stock) {
        return new StockForm(stock.stream().map(s -> new Row(String.valueOf(s.warehouseId()),
                s.stocked() ? Decimals.text(s.onHand()) : "", s.stocked() ? Decimals.text(s.reserved()) : "",
                s.stocked() ? Decimals.text(s.incoming()) : "",
                s.incomingDate() == null ? "" : s.incomingDate().toString())).toList());
    }

    void validate(Errors errors) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            number(errors, "rows[" + i + "].onHand", row.onHand());
            number(errors, "rows[" + i + "].reserved", row.reserved());
            number(errors, "rows[" + i + "].incoming", row.incoming());
            if (row.incomingDate() != null && !row.incomingDate().isBlank() && row.date() == null) {
                errors.rejectValue("rows[" + i + "].incomingDate", "catalog.admin.date");
            }
        }
    }

    private static void number(Errors errors, String field, String raw) {
        if (raw != null && !raw.isBlank() && Decimals.parse(raw) == null) {
            errors.rejectValue(field, "catalog.admin.number");
        }
    }

    List<StockLine> lines() {
        return rows.stream()
                .map(r -> new StockLine(r.warehouse() == null ? -1 : r.warehouse(), Decimals.parse(r.onHand()),
                        Decimals.parse(r.reserved()), Decimals.parse(r.incoming()), r.date()))
                .toList();
    }
}
