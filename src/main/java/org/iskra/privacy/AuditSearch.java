package org.iskra.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.iskra.site.StaffContact;
import org.iskra.site.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit page's question: rows of the log, filtered, their actors named. The staff accounts are the accounts
 * feature's, which depends on privacy: it names them through {@link StaffDirectory} rather than privacy reading its
 * tables.
 */
@Service
class AuditSearch {

    /** The page's filters; null fields do not filter; {@code before} is exclusive. */
    record Query(String actorEmail, String action, String subject, OffsetDateTime from,
                 OffsetDateTime before, int offset, int limit) {
    }

    private final AuditStore store;
    private final StaffDirectory staff;

    AuditSearch(AuditStore store, StaffDirectory staff) {
        this.store = store;
        this.staff = staff;
    }

    /** Newest first; one row more than asked for tells the page there is a next one. */
    @Transactional(readOnly = true)
    List<AuditEntry> find(Query query) {
        Long actorId = null;
        if (query.actorEmail() != null) {
            Optional<Long> id = staff.idOf(query.actorEmail());
            if (id.isEmpty()) {
                // nobody has this address: nobody with it acted
                return List.of();
            }
            actorId = id.get();
        }
        List<AuditStore.Found> found = store.find(new AuditStore.Query(actorId, query.action(), query.subject(),
                query.from(), query.before(), query.offset(), query.limit()));
        Map<Long, StaffContact> actors = staff.contacts(found.stream().map(AuditStore.Found::actorId)
                .filter(Objects::nonNull).distinct().toList());
        return found.stream().map(row -> {
            StaffContact actor = row.actorId() == null ? null : actors.get(row.actorId());
            return new AuditEntry(row.id(), row.at(), actor == null ? null : actor.email(),
                    actor == null ? null : actor.displayName(), row.action(), row.subjectType(), row.subjectId(),
                    row.section(), row.clientAddress(), row.detail());
        }).toList();
    }

    List<String> actions() {
        return store.actions();
    }
}
