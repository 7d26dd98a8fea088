package org.iskra.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record of who read, changed or exported personal data, and of who was given access to it. Rows are only ever
 * added, and each is linked to the one before it by a hash (see {@link AuditChain}): a row changed or removed behind
 * Iskra's back breaks the chain, and {@code audit verify} says where.
 */
@Service
public class AuditLog {

    private final AuditStore store;

    AuditLog(AuditStore store) {
        this.store = store;
    }

    /**
     * Records one event. MANDATORY: the audit row belongs to the read or change it describes, so both commit or
     * neither does; a change that commits without its row, or a row for a change that rolled back, would make the
     * log lie.
     *
     * @param subjectId a public id (never a name, an address or anything else that identifies a person)
     * @param detail    what happened beyond the action, without personal data: a status, a section, a count
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subjectType, String subjectId, String section, String detail) {
        AuditChain.Link link = new AuditChain.Link(0, AuditChain.stored(OffsetDateTime.now(ZoneOffset.UTC)),
                actor.staffUserId(), action, subjectType, subjectId, section, actor.clientAddress(), clip(detail));
        pending().add(link);
    }

    /**
     * The rows this transaction records, appended to the chain just before it commits: the chain's head is locked
     * for as short a time as possible, and always as the transaction's last lock, so appending never deadlocks
     * with the locks the audited change took.
     */
    private List<AuditChain.Link> pending() {
        @SuppressWarnings("unchecked")
        List<AuditChain.Link> pending = (List<AuditChain.Link>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<AuditChain.Link> rows = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!rows.isEmpty()) {
                        store.append(List.copyOf(rows));
                        rows.clear();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                }
            });
            pending = rows;
        }
        return pending;
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
