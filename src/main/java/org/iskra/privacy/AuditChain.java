package org.iskra.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * How one audit row is linked to the one before it: {@code hash = SHA-256(previous hash, seq, content)} in hex. The
 * content is written with each field's length before it, so that no two different rows read the same, and the time
 * in microseconds since the epoch, the precision both databases keep. Changing, removing or reordering a row breaks
 * the chain from that row on; {@code audit verify} finds the first broken link.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** One row's content as the chain sees it. */
    public record Link(long seq, OffsetDateTime createdAt, Long actorId, String action, String subjectType,
                       String subjectId, String section, String clientAddress, String detail) {
    }

    private AuditChain() {
    }

    /** The time as it is stored: both databases keep microseconds. */
    static OffsetDateTime stored(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String previous, Link link) {
        StringBuilder content = new StringBuilder(previous).append('\n');
        field(content, String.valueOf(link.seq()));
        field(content, String.valueOf(ChronoUnit.MICROS.between(OffsetDateTime.parse("1970-01-01T00:00Z"), link.createdAt())));
        field(content, link.actorId() == null ? null : String.valueOf(link.actorId()));
        field(content, link.action());
        field(content, link.subjectType());
        field(content, link.subjectId());
        field(content, link.section());
        field(content, link.clientAddress());
        field(content, link.detail());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-\n");
        } else {
            content.append(value.length()).append(':').append(value).append('\n');
        }
    }
}
