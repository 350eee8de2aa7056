package io.b2bportal.claims.claim;

import io.b2bportal.catalog.CatalogApi;
import io.b2bportal.claims.ClaimClosed;
import io.b2bportal.claims.ClaimMessagePosted;
import io.b2bportal.claims.ClaimOpened;
import io.b2bportal.claims.ClaimRated;
import io.b2bportal.claims.ClaimResolved;
import io.b2bportal.claims.ClaimStatusChanged;
import io.b2bportal.claims.resolution.CreditNoteIssuer;
import io.b2bportal.claims.resolution.CreditNoteIssuer.CreditLine;
import io.b2bportal.claims.resolution.CreditNoteIssuer.CreditNoteRequest;
import io.b2bportal.claims.resolution.CreditNoteIssuer.IssuedCreditNote;
import io.b2bportal.ordering.OrderingApi;
import io.b2bportal.ordering.OrderingApi.Line;
import io.b2bportal.ordering.OrderingApi.OrderDocument;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.StoredBlob;
import io.b2bportal.shared.DomainException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What buyers and the seller's staff do with claims. Every action locks the claim's row, checks that its status
 * allows the step, writes the step to the history, publishes its event and mails the other side, in one transaction.
 * Callers have checked who may see the claim ({@code ClaimAccess}); the ids passed here are trusted.
 */
@Service
public class Claims {

    static final int MAX_TEXT = 4000;
    static final int MAX_FILES = 20;
    /** Namespace of the advisory locks that serialize claims of one order (the order id is the other half). */
    private static final int ORDER_LOCK = 0x0C1A;

    private final JdbcClient jdbc;
    private final OrderingApi ordering;
    private final CatalogApi catalog;
    private final BlobStore blobs;
    private final ClaimSettings settings;
    private final ClaimQueries queries;
    private final ClaimMail mail;
    private final ApplicationEventPublisher events;
    private final CreditNoteIssuer creditNotes;

    Claims(JdbcClient jdbc, OrderingApi ordering, CatalogApi catalog, BlobStore blobs, ClaimSettings settings,
            ClaimQueries queries, ClaimMail mail, ApplicationEventPublisher events,
            CreditNoteIssuer creditNotes) {
        this.jdbc = jdbc;
        this.ordering = ordering;
        this.catalog = catalog;
        this.blobs = blobs;
        this.settings = settings;
        this.queries = queries;
        this.mail = mail;
        this.events = events;
        this.creditNotes = creditNotes;
    }

    private record Head(long id, String number, long orderId, long companyId, long legalEntityId, ClaimStatus status,
            String returnStatus, String resolution, Long assigneeId) {
    }

    // ------------------------------------------------------------------ the buyer

    /**
     * Opens a claim for the acting legal entity's shipped order. Claims of one order are serialized (an advisory
     * lock on the order), so two claims sent at once never claim more of a line than was shipped.
     *
     * @throws DomainException 404 for an order of another legal entity; 422 {@code order-not-shipped},
     *                         {@code claim-too-much}, {@code claim-no-lines}, {@code bad-quantity}, ...; 413/415 for a
     *                         file the blob store refuses
     */
    @Transactional
    public long open(long legalEntityId, long userId, NewClaim claim) {
        OrderDocument order = ordering.order(claim.orderId()).filter(o -> o.legalEntityId() == legalEntityId)
                .orElseThrow(() -> DomainException.notFound("order", claim.orderId()));
        if (order.lines().stream().noneMatch(l -> l.shipped().signum() > 0)) {
            throw DomainException.invalid("order-not-shipped", "claims.refused.not-shipped", order.number());
        }
        if (claim.type() == null) {
            throw DomainException.invalid("claim-type", "claims.refused.type");
        }
        if (claim.remedy() == null) {
            throw DomainException.invalid("claim-remedy", "claims.refused.remedy");
        }
        BigDecimal compensation = null;
        if (claim.remedy() == Remedy.COMPENSATION) {
            compensation = claim.compensation();
            if (compensation == null || compensation.signum() <= 0 || compensation.scale() > 2
                    || compensation.compareTo(new BigDecimal("1000000000")) > 0) {
                throw DomainException.invalid("claim-compensation", "claims.refused.compensation");
            }
        }
        String description = text(claim.description(), "claim-description", "claims.refused.description");
        Map<Integer, BigDecimal> wanted = new LinkedHashMap<>();
        claim.lines().forEach((lineNo, quantity) -> {
            if (quantity != null && quantity.signum() != 0) {
                wanted.put(lineNo, quantity);
            }
        });
        if (wanted.isEmpty()) {
            throw DomainException.invalid("claim-no-lines", "claims.refused.no-lines");
        }
        List<Upload> files = claim.files() == null ? List.of() : claim.files();
        if (files.size() > MAX_FILES) {
            throw DomainException.invalid("too-many-files", "claims.refused.too-many-files", MAX_FILES);
        }
        // the files first: a refused file costs no lock
        List<StoredBlob> stored = files.stream().map(f -> blobs.put(f.content(), f.fileName())).toList();

        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:space, :order)) locked").param("space", ORDER_LOCK)
                .param("order", (int) claim.orderId()).query(Integer.class).single();
        Map<Integer, Line> byNo = order.lines().stream()
                .collect(Collectors.toMap(Line::lineNo, Function.identity()));
        Map<Long, BigDecimal> claimed = queries.claimed(order.id());
        for (Map.Entry<Integer, BigDecimal> entry : wanted.entrySet()) {
            Line line = byNo.get(entry.getKey());
            if (line == null) {
                throw DomainException.invalid("unknown-line", "claims.refused.unknown-line", entry.getKey());
            }
            BigDecimal quantity = entry.getValue();
            if (quantity.signum() < 0 || quantity.stripTrailingZeros().scale() > 3) {
                throw DomainException.invalid("bad-quantity", "claims.refused.quantity", line.sku(),
                        quantity.toPlainString());
            }
            BigDecimal left = line.shipped().subtract(claimed.getOrDefault(line.id(), BigDecimal.ZERO));
            if (quantity.compareTo(left) > 0) {
                throw DomainException.invalid("claim-too-much", "claims.refused.too-much", line.sku(),
                        plain(quantity), plain(line.shipped()), plain(left.max(BigDecimal.ZERO)));
            }
        }

        OffsetDateTime now = jdbc.sql("select now()").query(OffsetDateTime.class).single();
        record Inserted(long id, String number) {
        }
        Inserted inserted = jdbc.sql("""
                        insert into claims.claim (number, order_id, order_number, company_id, legal_entity_id,
                               opened_by, type, remedy, compensation, description, status, response_due,
                               resolution_due, created_at, updated_at)
                        values ('РК-' || to_char(now() at time zone 'Europe/Moscow', 'YYYY') || '-'
                                    || lpad(nextval('claims.claim_number_seq')::text, 5, '0'),
                                :order, :orderNumber, :company, :entity, :user, :type, :remedy, :compensation,
                                :description, 'NEW', :responseDue, :resolutionDue, :now, :now)
                        returning id, number""")
                .param("order", order.id()).param("orderNumber", order.number()).param("company", order.companyId())
                .param("entity", legalEntityId).param("user", userId).param("type", claim.type().name())
                .param("remedy", claim.remedy().name()).param("compensation", compensation)
                .param("description", description).param("responseDue", settings.responseDue(now))
                .param("resolutionDue", settings.resolutionDue(now)).param("now", now)
                .query(Inserted.class).single();
        for (Map.Entry<Integer, BigDecimal> entry : wanted.entrySet()) {
            Line line = byNo.get(entry.getKey());
            jdbc.sql("""
                            insert into claims.claim_line (claim_id, order_line_id, line_no, product_id, sku, name,
                                   unit_name, quantity)
                            values (:claim, :line, :no, :product, :sku, :name, :unit, :quantity)""")
                    .param("claim", inserted.id()).param("line", line.id()).param("no", line.lineNo())
                    .param("product", line.productId()).param("sku", line.sku()).param("name", line.name())
                    .param("unit", line.unitName()).param("quantity", entry.getValue()).update();
        }
        for (int i = 0; i < files.size(); i++) {
            String kind = files.get(i).kind();
            addFile(inserted.id(), null, "ACT".equals(kind) || "FILE".equals(kind) ? kind
                            : stored.get(i).contentType().startsWith("image/") ? "PHOTO" : "FILE",
                    files.get(i).fileName(), stored.get(i), userId);
        }
        history(inserted.id(), userId, "OPENED", null, ClaimStatus.NEW, null);
        events.publishEvent(new ClaimOpened(inserted.id(), inserted.number(), order.id(), order.companyId(),
                legalEntityId, claim.type().name(), claim.remedy().name()));
        mail.changed(inserted.id(), userId, false, "claims.mail.opened", order.number());
        return inserted.id();
    }

    /**
     * A message in the thread, with files. A buyer's answer to a claim waiting for them puts it back in review; the
     * first word of staff counts as the seller's response. Text is kept as typed and always shown escaped.
     */
    @Transactional
    public long message(long claimId, long authorId, boolean staff, String body, List<Upload> files) {
        Head claim = lock(claimId);
        if (claim.status() == ClaimStatus.CLOSED) {
            throw DomainException.conflict("claim-closed", "claims.refused.closed", claim.number());
        }
        String text = text(body, "message-text", "claims.refused.message");
        List<Upload> attached = files == null ? List.of() : files;
        if (attached.size() > MAX_FILES) {
            throw DomainException.invalid("too-many-files", "claims.refused.too-many-files", MAX_FILES);
        }
        List<StoredBlob> stored = attached.stream().map(f -> blobs.put(f.content(), f.fileName())).toList();
        long id = jdbc.sql("""
                        insert into claims.message (claim_id, author_id, staff, body) values (:claim, :author, :staff,
                        :body) returning id""")
                .param("claim", claimId).param("author", authorId).param("staff", staff).param("body", text)
                .query(Long.class).single();
        for (int i = 0; i < attached.size(); i++) {
            addFile(claimId, id, "MESSAGE", attached.get(i).fileName(), stored.get(i), authorId);
        }
        touch(claimId, staff);
        if (!staff && claim.status() == ClaimStatus.WAITING_FOR_BUYER) {
            move(claim, ClaimStatus.IN_REVIEW, authorId, "BUYER_ANSWERED", null);
        }
        mail.changed(claimId, authorId, staff, "claims.mail.message", abbreviate(text));
        events.publishEvent(new ClaimMessagePosted(claimId, id, claim.number(), claim.companyId(), authorId, staff));
        return id;
    }

    /** The buyer rates the handling of a closed claim, once: 1 to 5 and a comment. */
    @Transactional
    public void rate(long claimId, long userId, int rating, String comment) {
        Head claim = lock(claimId);
        if (claim.status() != ClaimStatus.CLOSED) {
            throw DomainException.conflict("claim-not-closed", "claims.refused.rate-open", claim.number());
        }
        if (rating < 1 || rating > 5) {
            throw DomainException.invalid("bad-rating", "claims.refused.rating");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw DomainException.invalid("rating-comment", "claims.refused.rating-comment", 2000);
        }
        int rated = jdbc.sql("""
                        update claims.claim set rating = :rating, rating_comment = :comment, rated_at = now()
                         where id = :id and rating is null""")
                .param("id", claimId).param("rating", rating).param("comment", text).update();
        if (rated == 0) {
            throw DomainException.conflict("claim-rated", "claims.refused.rated", claim.number());
        }
        history(claimId, userId, "RATED", null, null, rating + (text == null ? "" : ": " + text));
        events.publishEvent(new ClaimRated(claimId, claim.number(), claim.companyId(), rating, text));
        mail.changed(claimId, userId, false, "claims.mail.rated", String.valueOf(rating));
    }

    // ------------------------------------------------------------------ the seller

    /** A member of staff takes a new claim into review: that is the seller's response. */
    @Transactional
    public void review(long claimId, long staffId) {
        Head claim = lock(claimId);
        move(claim, ClaimStatus.IN_REVIEW, staffId, "IN_REVIEW", null);
        touch(claimId, true);
        mail.changed(claimId, staffId, true, "claims.mail.status-changed", null);
    }

    /** The seller needs something from the buyer (a photo, the act): the question goes into the thread. */
    @Transactional
    public void askBuyer(long claimId, long staffId, String question) {
        Head claim = lock(claimId);
        String text = text(question, "message-text", "claims.refused.question");
        move(claim, ClaimStatus.WAITING_FOR_BUYER, staffId, "ASKED_BUYER", null);
        long message = jdbc.sql("""
                        insert into claims.message (claim_id, author_id, staff, body) values (:claim, :author, true,
                        :body) returning id""")
                .param("claim", claimId).param("author", staffId).param("body", text).query(Long.class).single();
        events.publishEvent(new ClaimMessagePosted(claimId, message, claim.number(), claim.companyId(), staffId, true));
        touch(claimId, true);
        mail.changed(claimId, staffId, true, "claims.mail.asked", abbreviate(text));
    }

    /** A decision on the lines claimed. */
    public enum Decision { ACCEPTED, PARTLY_ACCEPTED, REJECTED }

    /**
     * Accepts the claim in full, in part (the accepted quantity of each line, at least one line less than claimed and
     * something accepted) or rejects it (a reason is required).
     *
     * @param accepted accepted quantity by order line id; only for PARTLY_ACCEPTED
     */
    @Transactional
    public void decide(long claimId, long staffId, Decision decision, String reason, Map<Long, BigDecimal> accepted) {
        Head claim = lock(claimId);
        if (decision == null) {
            throw DomainException.invalid("claim-decision", "claims.refused.decision");
        }
        ClaimStatus target = ClaimStatus.valueOf(decision.name());
        requireMove(claim, target);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw DomainException.invalid("claim-reason", "claims.refused.reason-long", 2000);
        }
        List<ClaimQueries.ClaimLineView> lines = queries.detail(claimId, true).orElseThrow().lines();
        switch (decision) {
            case REJECTED -> {
                if (why == null) {
                    throw DomainException.invalid("reject-reason", "claims.refused.reject-reason");
                }
                jdbc.sql("update claims.claim_line set accepted = 0 where claim_id = :id").param("id", claimId)
                        .update();
                jdbc.sql("update claims.claim set reject_reason = :reason where id = :id").param("id", claimId)
                        .param("reason", why).update();
            }
            case ACCEPTED -> jdbc.sql("update claims.claim_line set accepted = quantity where claim_id = :id")
                    .param("id", claimId).update();
            case PARTLY_ACCEPTED -> {
                Map<Long, BigDecimal> given = accepted == null ? Map.of() : accepted;
                BigDecimal total = BigDecimal.ZERO;
                boolean less = false;
                for (ClaimQueries.ClaimLineView line : lines) {
                    BigDecimal quantity = given.getOrDefault(line.orderLineId(), BigDecimal.ZERO);
                    if (quantity.signum() < 0 || quantity.compareTo(line.quantity()) > 0) {
                        throw DomainException.invalid("bad-accepted", "claims.refused.accepted", line.sku(),
                                plain(line.quantity()));
                    }
                    total = total.add(quantity);
                    less |= quantity.compareTo(line.quantity()) < 0;
                    jdbc.sql("update claims.claim_line set accepted = :q where claim_id = :id and order_line_id = :l")
                            .param("q", quantity).param("id", claimId).param("l", line.orderLineId()).update();
                }
                if (total.signum() == 0 || !less) {
                    throw DomainException.invalid("bad-partly", "claims.refused.partly");
                }
            }
        }
        move(claim, target, staffId, decision.name(), why);
        touch(claimId, true);
        mail.changed(claimId, staffId, true, "claims.mail.status-changed", why);
    }

    /** Assigns the claim to operations or to the customer's account manager. */
    @Transactional
    public void assign(long claimId, long staffId, long assigneeId) {
        Head claim = lock(claimId);
        ClaimQueries.Assignable assignee = queries.assignable(claim.companyId()).stream()
                .filter(a -> a.id() == assigneeId).findFirst()
                .orElseThrow(() -> DomainException.invalid("bad-assignee", "claims.refused.assignee"));
        jdbc.sql("update claims.claim set assignee_id = :a, updated_at = now() where id = :id")
                .param("a", assigneeId).param("id", claimId).update();
        history(claimId, staffId, "ASSIGNED", null, null, assignee.displayName());
    }

    /** An internal note: staff only, never shown to the buyer, no mail. */
    @Transactional
    public long note(long claimId, long staffId, String body) {
        lock(claimId);
        String text = text(body, "note-text", "claims.refused.note");
        return jdbc.sql("""
                        insert into claims.internal_note (claim_id, author_id, body) values (:claim, :author, :body)
                        returning id""")
                .param("claim", claimId).param("author", staffId).param("body", text).query(Long.class).single();
    }

    /**
     * Resolves an accepted claim by a replacement order at zero price of the accepted quantities (ordering reserves
     * the stock; refused when it is short).
     */
    @Transactional
    public String replacement(long claimId, long staffId) {
        Head claim = lock(claimId);
        requireResolvable(claim);
        List<OrderingApi.ReplacementLine> lines = accepted(claimId).stream()
                .map(l -> new OrderingApi.ReplacementLine(l.orderLineId(), l.accepted())).toList();
        OrderingApi.Replacement order = ordering.placeReplacement(claim.orderId(), staffId, claim.number(), lines);
        jdbc.sql("""
                        update claims.claim set resolution = 'REPLACEMENT', replacement_order_id = :order,
                               replacement_number = :number, resolved_at = now(), updated_at = now()
                         where id = :id""")
                .param("order", order.orderId()).param("number", order.number()).param("id", claimId).update();
        resolve(claim, staffId, "REPLACEMENT", order.number());
        events.publishEvent(new ClaimResolved(claimId, claim.number(), claim.companyId(), "REPLACEMENT",
                order.orderId(), null));
        return order.number();
    }

    /** The buyer is to send the accepted goods back: a return shipment is expected. */
    @Transactional
    public void startReturn(long claimId, long staffId) {
        Head claim = lock(claimId);
        if (!(claim.status().accepted() || claim.status() == ClaimStatus.RESOLVED) || claim.returnStatus() != null) {
            throw DomainException.conflict("claim-return", "claims.refused.return", claim.number());
        }
        jdbc.sql("update claims.claim set return_status = 'AWAITING', updated_at = now() where id = :id")
                .param("id", claimId).update();
        history(claimId, staffId, "RETURN_EXPECTED", null, null, null);
        mail.changed(claimId, staffId, true, "claims.mail.return", null);
    }

    /**
     * The returned goods arrived: the accepted quantities go back on hand. A claim not resolved otherwise is resolved
     * by the return.
     */
    @Transactional
    public void receiveReturn(long claimId, long staffId) {
        Head claim = lock(claimId);
        if (!"AWAITING".equals(claim.returnStatus())) {
            throw DomainException.conflict("claim-return", "claims.refused.return-received", claim.number());
        }
        Map<Long, BigDecimal> back = new LinkedHashMap<>();
        accepted(claimId).forEach(l -> back.merge(l.productId(), l.accepted(), BigDecimal::add));
        catalog.receiveReturned(back);
        jdbc.sql("""
                        update claims.claim set return_status = 'RECEIVED', return_received_at = now(),
                               updated_at = now() where id = :id""")
                .param("id", claimId).update();
        history(claimId, staffId, "RETURN_RECEIVED", null, null, null);
        if (claim.status().accepted()) {
            jdbc.sql("""
                            update claims.claim set resolution = 'RETURN', resolved_at = now() where id = :id""")
                    .param("id", claimId).update();
            resolve(claim, staffId, "RETURN", null);
            events.publishEvent(new ClaimResolved(claimId, claim.number(), claim.companyId(), "RETURN", null, null));
        } else {
            mail.changed(claimId, staffId, true, "claims.mail.return-received", null);
        }
    }

    /**
     * Resolves an accepted claim by a credit note of the accepted quantities at the order's prices (or of an agreed
     * amount: a price reduction), issued by the documents module through {@link CreditNoteIssuer} in this
     * transaction.
     */
    @Transactional
    public String creditNote(long claimId, long staffId, BigDecimal amount) {
        Head claim = lock(claimId);
        requireResolvable(claim);
        CreditNoteIssuer issuer = creditNotes;
        if (amount != null && (amount.signum() <= 0 || amount.scale() > 2)) {
            throw DomainException.invalid("claim-amount", "claims.refused.amount");
        }
        Map<Long, Line> orderLines = ordering.order(claim.orderId()).orElseThrow().lines().stream()
                .collect(Collectors.toMap(Line::id, Function.identity()));
        List<CreditLine> lines = accepted(claimId).stream().map(l -> {
            Line line = orderLines.get(l.orderLineId());
            return new CreditLine(line.id(), line.lineNo(), line.productId(), line.sku(), line.name(), l.accepted(),
                    line.unitNet(), line.unitGross(), line.vatRate());
        }).toList();
        IssuedCreditNote note = issuer.issue(new CreditNoteRequest(claimId, claim.number(), claim.orderId(),
                claim.legalEntityId(), staffId, lines, amount));
        jdbc.sql("""
                        update claims.claim set resolution = 'CREDIT_NOTE', credit_note_id = :doc,
                               credit_note_number = :number, resolved_at = now(), updated_at = now()
                         where id = :id""")
                .param("doc", note.documentId()).param("number", note.number()).param("id", claimId).update();
        resolve(claim, staffId, "CREDIT_NOTE", note.number());
        events.publishEvent(new ClaimResolved(claimId, claim.number(), claim.companyId(), "CREDIT_NOTE", null,
                note.documentId()));
        return note.number();
    }

    /** Closes a resolved or rejected claim; the buyer is asked to rate it. */
    @Transactional
    public void close(long claimId, long staffId) {
        Head claim = lock(claimId);
        move(claim, ClaimStatus.CLOSED, staffId, "CLOSED", null);
        jdbc.sql("update claims.claim set closed_at = now() where id = :id").param("id", claimId).update();
        events.publishEvent(new ClaimClosed(claimId, claim.number(), claim.companyId(),
                claim.status() == ClaimStatus.REJECTED));
        mail.changed(claimId, staffId, true, "claims.mail.closed", null);
    }

    // ------------------------------------------------------------------ steps

    private Head lock(long claimId) {
        return jdbc.sql("""
                        select id, number, order_id, company_id, legal_entity_id, status, return_status, resolution,
                               assignee_id
                          from claims.claim where id = :id for update""")
                .param("id", claimId).query(Head.class).optional()
                .orElseThrow(() -> DomainException.notFound("claim", claimId));
    }

    private static void requireMove(Head claim, ClaimStatus target) {
        if (!claim.status().mayBecome(target)) {
            throw DomainException.conflict("claim-status", "claims.refused.status", claim.number(),
                    new org.springframework.context.support.DefaultMessageSourceResolvable(
                            new String[] {"claims.status." + claim.status()}, claim.status().name()),
                    new org.springframework.context.support.DefaultMessageSourceResolvable(
                            new String[] {"claims.status." + target}, target.name()));
        }
    }

    private void requireResolvable(Head claim) {
        if (!claim.status().accepted()) {
            throw DomainException.conflict("claim-not-accepted", "claims.refused.not-accepted", claim.number());
        }
    }

    private void move(Head claim, ClaimStatus target, long actorId, String action, String comment) {
        requireMove(claim, target);
        jdbc.sql("update claims.claim set status = :to, updated_at = now() where id = :id")
                .param("to", target.name()).param("id", claim.id()).update();
        history(claim.id(), actorId, action, claim.status(), target, comment);
        events.publishEvent(new ClaimStatusChanged(claim.id(), claim.number(), claim.companyId(),
                claim.status().name(), target.name(), actorId));
    }

    private void resolve(Head claim, long staffId, String resolution, String detail) {
        move(claim, ClaimStatus.RESOLVED, staffId, "RESOLVED_" + resolution, detail);
        mail.changed(claim.id(), staffId, true, "claims.mail.resolved." + resolution, detail);
    }

    private List<ClaimQueries.ClaimLineView> accepted(long claimId) {
        List<ClaimQueries.ClaimLineView> lines = queries.detail(claimId, true).orElseThrow().lines().stream()
                .filter(l -> l.accepted() != null && l.accepted().signum() > 0).toList();
        if (lines.isEmpty()) {
            throw DomainException.conflict("claim-nothing-accepted", "claims.refused.nothing-accepted");
        }
        return lines;
    }

    /** The first word of staff is the seller's response (the SLA's first deadline is met). */
    private void touch(long claimId, boolean staff) {
        jdbc.sql("""
                        update claims.claim set updated_at = now(),
                               responded_at = case when :staff then coalesce(responded_at, now()) else responded_at end
                         where id = :id""")
                .param("staff", staff).param("id", claimId).update();
    }

    private void history(long claimId, long actorId, String action, ClaimStatus from, ClaimStatus to,
            String comment) {
        jdbc.sql("""
                        insert into claims.claim_event (claim_id, actor_id, action, from_status, to_status, comment)
                        values (:claim, :actor, :action, :from, :to, :comment)""")
                .param("claim", claimId).param("actor", actorId).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("comment", comment).update();
    }

    private void addFile(long claimId, Long messageId, String kind, String fileName, StoredBlob blob, long userId) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        jdbc.sql("""
                        insert into claims.claim_file (claim_id, message_id, kind, file_name, blob_sha256, content_type,
                               size, uploaded_by)
                        values (:claim, :message, :kind, :name, :sha, :type, :size, :user)""")
                .param("claim", claimId).param("message", messageId).param("kind", kind).param("name", name)
                .param("sha", blob.sha256()).param("type", blob.contentType()).param("size", blob.size())
                .param("user", userId).update();
    }

    private static String text(String text, String code, String key) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TEXT) {
            throw DomainException.invalid(code, key, MAX_TEXT);
        }
        return stripped;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
