package io.b2bportal.customers.agreement;

import io.b2bportal.customers.agreement.AgreementTemplates.AgreementTemplate;
import io.b2bportal.customers.contract.Contracts;
import io.b2bportal.customers.entity.LegalEntities;
import io.b2bportal.customers.entity.LegalEntities.LegalEntityView;
import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PlatformApi;
import io.b2bportal.platform.Seller;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rendered contract of each legal entity and version: rendered once, when the entity is approved or (for a
 * later version, or if that failed) the first time someone asks for it, and then kept as a blob that never
 * changes. The document date is the later of the entity's approval and the version's publication, so rendering
 * the same data again gives the same bytes.
 */
@Service
public class AgreementDocuments {

    private static final Logger log = LoggerFactory.getLogger(AgreementDocuments.class);

    private final JdbcClient jdbc;
    private final AgreementTemplates templates;
    private final AgreementRenderer renderer;
    private final LegalEntities legalEntities;
    private final Contracts contracts;
    private final PlatformApi platform;
    private final BlobStore blobs;

    AgreementDocuments(JdbcClient jdbc, AgreementTemplates templates, AgreementRenderer renderer,
            LegalEntities legalEntities, Contracts contracts, PlatformApi platform, BlobStore blobs) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.renderer = renderer;
        this.legalEntities = legalEntities;
        this.contracts = contracts;
        this.platform = platform;
        this.blobs = blobs;
    }

    /** A rendered contract; the PDF itself is the blob named {@code pdfSha256}. */
    public record AgreementDocument(long id, long legalEntityId, int templateVersion, String pdfSha256,
            OffsetDateTime documentDate, OffsetDateTime renderedAt) {
    }

    public Optional<AgreementDocument> find(long legalEntityId, int version) {
        return jdbc.sql("""
                        select id, legal_entity_id, template_version, pdf_sha256, document_date, rendered_at
                          from customers.agreement_document
                         where legal_entity_id = :entity and template_version = :version""")
                .param("entity", legalEntityId).param("version", version)
                .query(AgreementDocument.class).optional();
    }

    /** Every version rendered for the entity, newest first. */
    public List<AgreementDocument> ofEntity(long legalEntityId) {
        return jdbc.sql("""
                        select id, legal_entity_id, template_version, pdf_sha256, document_date, rendered_at
                          from customers.agreement_document
                         where legal_entity_id = :entity order by template_version desc""")
                .param("entity", legalEntityId).query(AgreementDocument.class).list();
    }

    /**
     * The contract of the current version, rendered and stored now if it was not yet. Empty when the entity is
     * not approved (it gets no contract) or the seller's requisites are not set (there is nobody to contract with).
     */
    @Transactional
    public Optional<AgreementDocument> current(long legalEntityId) {
        return templates.current().flatMap(template -> find(legalEntityId, template.version())
                .or(() -> render(legalEntityId, template)));
    }

    public Optional<byte[]> content(AgreementDocument document) {
        return blobs.get(document.pdfSha256());
    }

    /** What would be printed for this entity and version today, or empty as for {@link #current(long)}. */
    Optional<AgreementRenderer.Input> input(long legalEntityId, AgreementTemplate template) {
        Optional<LegalEntityView> buyer = legalEntities.view(legalEntityId).filter(e -> "APPROVED".equals(e.status()));
        if (buyer.isEmpty()) {
            return Optional.empty();
        }
        Optional<Seller> seller = platform.seller();
        if (seller.isEmpty()) {
            log.warn("No supply agreement for legal entity {}: the seller's requisites (platform.seller) are not set",
                    legalEntityId);
            return Optional.empty();
        }
        Instant documentDate = jdbc.sql("""
                        select date_trunc('second', greatest(le.verified_at, t.created_at))
                          from customers.legal_entity le, customers.agreement_template t
                         where le.id = :entity and t.version = :version""")
                .param("entity", legalEntityId).param("version", template.version())
                .query(OffsetDateTime.class).single().toInstant();
        return Optional.of(new AgreementRenderer.Input(template, seller.get(), buyer.get(),
                contracts.termsOf(legalEntityId), documentDate));
    }

    private Optional<AgreementDocument> render(long legalEntityId, AgreementTemplate template) {
        return input(legalEntityId, template).map(input -> {
            byte[] pdf = renderer.render(input);
            String sha256 = blobs.put(pdf, "agreement-" + legalEntityId + "-v" + template.version() + ".pdf").sha256();
            // a render racing this one wrote the same entity and version first: theirs is the document
            jdbc.sql("""
                            insert into customers.agreement_document (legal_entity_id, template_version, pdf_sha256,
                                document_date)
                            values (:entity, :version, :sha256, :date)
                            on conflict (legal_entity_id, template_version) do nothing""")
                    .param("entity", legalEntityId).param("version", template.version()).param("sha256", sha256)
                    .param("date", OffsetDateTime.ofInstant(input.documentDate(), ZoneOffset.UTC))
                    .update();
            return find(legalEntityId, template.version()).orElseThrow();
        });
    }
}
