package io.b2bportal.catalog.admin;

import io.b2bportal.platform.BlobStore;
import io.b2bportal.platform.PortalUser;
import io.b2bportal.platform.StoredBlob;
import io.b2bportal.shared.DomainException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Images, datasheets and certificates of a product, kept in the platform's blob store by SHA-256 and ordered within
 * their kind (the first image is the product's picture). The bytes decide the type, {@link FilePolicy} the rest.
 */
@Service
public class ProductFiles {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final ProductRows rows;

    ProductFiles(JdbcClient jdbc, BlobStore blobs, ProductRows rows) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.rows = rows;
    }

    /**
     * Attaches an image or document after the others of its kind. The blob store reads the type from the bytes
     * (PDF, JPEG, PNG) and refuses anything else or anything too large; {@link FilePolicy} the rest.
     *
     * @return the id of the product file
     */
    @Transactional
    public long addFile(PortalUser staff, String sku, String kind, String title, String fileName, byte[] content) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        String name = fileName == null ? "" : fileName.strip();
        String caption = blank(title) != null ? title.strip()
                : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (caption.isBlank()) {
            caption = sku;
        }
        if (caption.length() > 200) {
            throw ProductRejected.of(Rejection.of("title", "catalog.admin.file.title.tooLong", 200));
        }
        if (content == null || content.length == 0) {
            throw ProductRejected.of(Rejection.of(FilePolicy.FIELD, "catalog.admin.file.missing"));
        }
        StoredBlob blob;
        try {
            blob = blobs.put(content, name);
        } catch (DomainException e) {
            throw ProductRejected.of(new Rejection(FilePolicy.FIELD, e.messageKey(), List.of(e.arguments())));
        }
        // refused after storing: the transaction takes the blob back with it
        FilePolicy.check(kind, name, blob.contentType()).ifPresent(r -> {
            throw ProductRejected.of(r);
        });
        if (jdbc.sql("""
                        select exists (select 1 from catalog.product_file
                                        where product_id = :id and kind = :kind and blob_sha256 = :sha)""")
                .param("id", id).param("kind", kind).param("sha", blob.sha256()).query(Boolean.class).single()) {
            throw ProductRejected.of(Rejection.of(FilePolicy.FIELD, "catalog.admin.file.duplicate", name));
        }
        long fileId = jdbc.sql("""
                        insert into catalog.product_file (product_id, kind, title, blob_sha256, position)
                        values (:id, :kind, :title, :sha,
                                (select coalesce(max(position), -1) + 1 from catalog.product_file
                                  where product_id = :id and kind = :kind))
                        returning id""")
                .param("id", id).param("kind", kind).param("title", caption).param("sha", blob.sha256())
                .query(Long.class).single();
        rows.touch(id);
        return fileId;
    }

    /** Detaches a file from the product; the bytes stay in the blob store, which never deletes. */
    @Transactional
    public void removeFile(PortalUser staff, String sku, long fileId) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        if (jdbc.sql("delete from catalog.product_file where id = :file and product_id = :id")
                .param("file", fileId).param("id", id).update() == 0) {
            throw DomainException.notFound("file", fileId);
        }
        rows.touch(id);
    }

    /** Moves a file one place earlier (-1) or later (+1) among those of its kind; the first image is the picture. */
    @Transactional
    public void moveFile(PortalUser staff, String sku, long fileId, int direction) {
        CatalogManager.require(staff);
        long id = rows.id(sku);
        String kind = jdbc.sql("select kind from catalog.product_file where id = :file and product_id = :id")
                .param("file", fileId).param("id", id).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("file", fileId));
        // number the files of the kind 0, 1, 2... then swap with the neighbour
        jdbc.sql("""
                        update catalog.product_file f set position = o.n
                          from (select id, row_number() over (order by position, id) - 1 as n
                                  from catalog.product_file where product_id = :id and kind = :kind) o
                         where f.id = o.id""")
                .param("id", id).param("kind", kind).update();
        int moved = jdbc.sql("""
                        with me as (select position from catalog.product_file where id = :file),
                             other as (select f.id, f.position from catalog.product_file f, me
                                        where f.product_id = :id and f.kind = :kind
                                          and f.position = me.position + :direction)
                        update catalog.product_file f
                           set position = case when f.id = :file then (select position from other)
                                               else (select position from me) end
                         where exists (select 1 from other) and (f.id = :file or f.id = (select id from other))""")
                .param("file", fileId).param("id", id).param("kind", kind).param("direction", Integer.signum(direction))
                .update();
        if (moved == 2) {
            rows.touch(id);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
