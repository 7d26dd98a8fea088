package org.iskra.privacy;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights of a data subject, for administrators: find what Iskra holds about an applicant by their address,
 * export it, erase it. Each use case is one transaction with its audit row. The audit names the subject by a keyed
 * hash of the address, never by the address, so the searches, exports and erasure of one person can be told apart
 * from others' without the log holding who they are.
 */
@Service
class DataSubjects {

    static final String SUBJECT_TYPE = "data_subject";
    private static final String AUDIT_PURPOSE = "audit_event.subject";

    private final List<PersonalDataHolder> holders;
    private final AuditLog audit;
    private final KeyedHash hash;

    DataSubjects(List<PersonalDataHolder> holders, AuditLog audit, KeyedHash hash) {
        this.holders = holders;
        this.audit = audit;
        this.hash = hash;
    }

    /** What is held about the person with this address; the search itself is a read and is audited. */
    @Transactional
    public List<HeldRecord> find(String email, Actor actor) {
        List<HeldRecord> records = held(email);
        audit.record(actor, "subject.search", SUBJECT_TYPE, subjectId(email), null, "records=" + records.size());
        return records;
    }

    @Transactional
    public List<HeldRecord> export(String email, String format, Actor actor) {
        List<HeldRecord> records = held(email);
        audit.record(actor, "subject.export", SUBJECT_TYPE, subjectId(email), null,
                "records=" + records.size() + " format=" + format);
        return records;
    }

    /** Erases everything held about the person, in one transaction; returns how many records were erased. */
    @Transactional
    public int erase(String email, Actor actor) {
        int erased = 0;
        for (PersonalDataHolder holder : holders) {
            erased += holder.erase(PersonalDataHolder.normalize(email), actor);
        }
        audit.record(actor, "subject.erase", SUBJECT_TYPE, subjectId(email), null, "records=" + erased);
        return erased;
    }

    private List<HeldRecord> held(String email) {
        List<HeldRecord> records = new ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            records.addAll(holder.heldAbout(PersonalDataHolder.normalize(email)));
        }
        return records;
    }

    private String subjectId(String email) {
        return hash.of(AUDIT_PURPOSE, PersonalDataHolder.normalize(email)).substring(0, 16);
    }
}
