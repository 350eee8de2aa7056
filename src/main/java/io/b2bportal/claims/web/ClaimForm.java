package io.b2bportal.claims.web;

import io.b2bportal.claims.claim.ClaimType;
import io.b2bportal.claims.claim.NewClaim;
import io.b2bportal.claims.claim.Remedy;
import io.b2bportal.claims.claim.Upload;
import io.b2bportal.shared.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/**
 * A new claim as the page and the API send it (multipart/form-data): the order, type, demanded remedy (with an amount
 * for COMPENSATION), description, the claimed quantity of each line ({@code lineNo} and {@code quantity} side by
 * side; an empty quantity claims nothing of that line), photos, files and the acceptance act.
 */
record ClaimForm(String type, String remedy, String compensation, String description, List<Integer> lineNo,
        List<String> quantity, List<MultipartFile> photos, List<MultipartFile> files, MultipartFile act) {

    static ClaimForm blank() {
        return new ClaimForm(null, null, null, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** The quantity typed for a line, to show the form again. */
    public String quantityOf(int line) {
        if (lineNo == null || quantity == null) {
            return "";
        }
        for (int i = 0; i < lineNo.size() && i < quantity.size(); i++) {
            if (lineNo.get(i) != null && lineNo.get(i) == line) {
                return quantity.get(i);
            }
        }
        return "";
    }

    NewClaim toClaim(long orderId) {
        Map<Integer, BigDecimal> lines = new LinkedHashMap<>();
        List<Integer> numbers = lineNo == null ? List.of() : lineNo;
        List<String> quantities = quantity == null ? List.of() : quantity;
        if (numbers.size() != quantities.size()) {
            throw DomainException.invalid("bad-lines", "claims.refused.lines-mismatch");
        }
        for (int i = 0; i < numbers.size(); i++) {
            String typed = quantities.get(i) == null ? "" : quantities.get(i).strip().replace(',', '.')
                    .replace(" ", "").replace("\u00a0", "");
            if (typed.isEmpty() || numbers.get(i) == null) {
                continue;
            }
            try {
                lines.merge(numbers.get(i), new BigDecimal(typed), BigDecimal::add);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("bad-quantity", "claims.refused.quantity", "#" + numbers.get(i), typed);
            }
        }
        BigDecimal amount = null;
        if (compensation != null && !compensation.isBlank()) {
            try {
                amount = new BigDecimal(compensation.strip().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("claim-compensation", "claims.refused.compensation");
            }
        }
        return new NewClaim(orderId, parse(ClaimType.class, type, "claim-type", "claims.refused.type"),
                parse(Remedy.class, remedy, "claim-remedy", "claims.refused.remedy"), amount, description, lines,
                uploads());
    }

    List<Upload> uploads() {
        List<Upload> all = new ArrayList<>();
        add(all, "PHOTO", photos);
        add(all, "FILE", files);
        add(all, "ACT", act == null ? List.of() : List.of(act));
        return all;
    }

    static List<Upload> uploads(String kind, List<MultipartFile> files) {
        List<Upload> all = new ArrayList<>();
        add(all, kind, files);
        return all;
    }

    private static void add(List<Upload> all, String kind, List<MultipartFile> files) {
        if (files == null) {
            return;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                all.add(new Upload(kind, file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String key) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(code, key);
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(code, key);
        }
    }
}
