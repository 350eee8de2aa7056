package io.b2bportal.ordering.order;

import java.time.LocalDate;

/**
 * What an order list is narrowed to: a number or PO number (part of either), a status, placed between two dates
 * (Moscow time, both included), a company name (staff), and a page of {@code size} orders.
 */
public record OrderFilter(String q, OrderStatus status, LocalDate from, LocalDate to, String company, boolean mine,
        int page, int size) {

    public OrderFilter {
        page = Math.max(0, Math.min(page, 100_000));
        size = size <= 0 ? 50 : Math.min(size, 200);
        q = q == null || q.isBlank() ? null : q.strip();
        company = company == null || company.isBlank() ? null : company.strip();
    }

    public static OrderFilter all() {
        return new OrderFilter(null, null, null, null, null, false, 0, 50);
    }
}
