package org.iskra.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code media} and {@code media_variant}. */
@Repository
class MediaRepository {

    /** One media row joined with one of its variants (variant columns null when it has none). */
    record Row(long id, String contentHash, int width, int height, String credit, String creditLink,
               Integer variantWidth, Integer variantHeight, String format, String fileName) {
    }

    private static final String SELECT = """
            select m.id, m.content_hash, m.width, m.height, m.credit, m.credit_link,
                   v.width as variant_width, v.height as variant_height, v.format, v.file_name
              from media m left join media_variant v on v.media_id = m.id
            """;

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the hash is already stored. */
    long insertMedia(String contentHash, int width, int height, String credit, String creditLink) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into media (content_hash, width, height, credit, credit_link)
                values (:hash, :width, :height, :credit, :link)""")
                .param("hash", contentHash)
                .param("width", width)
                .param("height", height)
                .param("credit", credit)
                .param("link", creditLink)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertVariant(long mediaId, MediaVariant variant, int byteSize, String blobHash) {
        jdbc.sql("""
                insert into media_variant (media_id, width, height, format, file_name, byte_size, blob_hash)
                values (:media, :width, :height, :format, :file, :size, :blob)""")
                .param("media", mediaId)
                .param("width", variant.width())
                .param("height", variant.height())
                .param("format", variant.format())
                .param("file", variant.fileName())
                .param("size", byteSize)
                .param("blob", blobHash)
                .update();
    }

    void setOriginal(long mediaId, String blobHash) {
        jdbc.sql("update media set original_hash = ? where id = ?").params(blobHash, mediaId).update();
    }

    /** A variant's file name and the blob holding its bytes, null for a variant stored before media moved in. */
    record VariantBlob(String fileName, String blobHash) {
    }

    Optional<VariantBlob> findVariantBlob(String fileName) {
        return jdbc.sql("select file_name, blob_hash from media_variant where file_name = ?")
                .param(fileName).query(VariantBlob.class).optional();
    }

    /** Sets the blob of a variant that has none yet; returns whether it did. */
    boolean setVariantBlob(String fileName, String blobHash) {
        return jdbc.sql("update media_variant set blob_hash = ? where file_name = ? and blob_hash is null")
                .params(blobHash, fileName).update() == 1;
    }

    long variantsWithoutBlob() {
        return jdbc.sql("select count(*) from media_variant where blob_hash is null").query(Long.class).single();
    }

    void updateCredit(long mediaId, String credit, String creditLink) {
        jdbc.sql("update media set credit = :credit, credit_link = :link where id = :id")
                .param("credit", credit)
                .param("link", creditLink)
                .param("id", mediaId)
                .update();
    }

    Optional<MediaImage> findByHash(String contentHash) {
        return assemble(jdbc.sql(SELECT + " where m.content_hash = :hash")
                .param("hash", contentHash)
                .query(Row.class).list()).values().stream().findFirst();
    }

    Optional<MediaImage> findById(long id) {
        return assemble(jdbc.sql(SELECT + " where m.id = :id")
                .param("id", id)
                .query(Row.class).list()).values().stream().findFirst();
    }

    /** Keyed by content hash; hashes that are not stored are absent. */
    Map<String, MediaImage> findByHashes(Collection<String> contentHashes) {
        if (contentHashes.isEmpty()) {
            return Map.of();
        }
        return assemble(jdbc.sql(SELECT + " where m.content_hash in (:hashes)")
                .param("hashes", List.copyOf(contentHashes))
                .query(Row.class).list());
    }

    private static Map<String, MediaImage> assemble(List<Row> rows) {
        Map<Long, List<Row>> byMedia = new LinkedHashMap<>();
        for (Row row : rows) {
            byMedia.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        Map<String, MediaImage> images = new LinkedHashMap<>();
        for (List<Row> group : byMedia.values()) {
            Row first = group.get(0);
            List<MediaVariant> variants = group.stream()
                    .filter(r -> r.fileName() != null)
                    .map(r -> new MediaVariant(r.variantWidth(), r.variantHeight(), r.format(), r.fileName()))
                    .toList();
            images.put(first.contentHash(), new MediaImage(first.id(), first.contentHash(), first.width(),
                    first.height(), first.credit(), first.creditLink(), variants));
        }
        return images;
    }
}
