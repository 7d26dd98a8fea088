package org.iskra.privacy;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Walks the audit chain from its first row and reports the first link that does not hold. */
@Service
class AuditVerification {

    private static final int BATCH = 1000;

    /** What the walk found: the chained rows checked, and the first broken link, or null when the chain is whole. */
    record Result(long rows, String lastHash, Broken broken) {

        boolean intact() {
            return broken == null;
        }
    }

    /**
     * The first row where the chain breaks (seq 0 among the rows sealed when the chain began; id -1 when rows are
     * missing at the end), and why.
     */
    record Broken(long seq, long id, String reason) {
    }

    private final AuditStore store;

    AuditVerification(AuditStore store) {
        this.store = store;
    }

    /** One consistent snapshot: rows committed while the walk runs must not look like a broken end of the chain. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result verify() {
        AuditStore.Head head = store.head();
        String previous = AuditChain.GENESIS;
        long legacy = 0;
        long lastId = 0;
        while (true) {
            List<AuditStore.Stored> batch = store.legacyAfter(lastId, BATCH);
            for (AuditStore.Stored row : batch) {
                legacy++;
                if (row.id() > head.legacyMaxId() || legacy > head.legacyRows()) {
                    return new Result(0, previous, new Broken(0, row.id(),
                            "the row has no place in the chain and was not among the rows sealed when the chain began"));
                }
                AuditChain.Link link = row.link();
                previous = AuditChain.hash(previous, new AuditChain.Link(legacy, link.createdAt(), link.actorId(),
                        link.action(), link.subjectType(), link.subjectId(), link.section(), link.clientAddress(),
                        link.detail()));
                lastId = row.id();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (legacy != head.legacyRows() || !previous.equals(head.legacyHash())) {
            return new Result(0, previous, new Broken(0, -1, "the rows written before the chain began were changed or"
                    + " removed (" + legacy + " found, " + head.legacyRows() + " sealed)"));
        }
        long expected = 1;
        long rows = 0;
        while (true) {
            List<AuditStore.Stored> batch = store.chainAfter(expected - 1, BATCH);
            for (AuditStore.Stored row : batch) {
                long seq = row.link().seq();
                if (seq != expected) {
                    return new Result(rows, previous, new Broken(expected, row.id(),
                            "row " + expected + " is missing (the next one is " + seq + ")"));
                }
                if (!previous.equals(row.prevHash())) {
                    return new Result(rows, previous, new Broken(seq, row.id(),
                            "the row does not name the hash of the row before it"));
                }
                if (!AuditChain.hash(previous, row.link()).equals(row.hash())) {
                    return new Result(rows, previous, new Broken(seq, row.id(),
                            "the row's content does not match its hash (changed after it was written)"));
                }
                previous = row.hash();
                expected++;
                rows++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (head.lastSeq() != rows || !head.lastHash().equals(previous)) {
            return new Result(rows, previous, new Broken(rows + 1, -1, "the chain's head names row " + head.lastSeq()
                    + ", the rows end at " + rows + ": rows at the end were removed, or the head was changed"));
        }
        return new Result(rows, previous, null);
    }
}
