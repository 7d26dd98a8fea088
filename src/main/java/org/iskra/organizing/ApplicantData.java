package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.HeldRecord;
import org.iskra.privacy.HeldRecord.Field;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * An applicant's join requests, for their export and their erasure, and the erasure of one request that retention
 * uses too. An erased request keeps what does not identify anyone: country, section, language, dates, status and
 * its events (their notes, which may name the applicant, go).
 */
@Component
class ApplicantData implements PersonalDataHolder {

    private final JoinRequestStore store;
    private final Timeline timeline;
    private final Sections sections;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;
    private final AuditLog audit;

    ApplicantData(JoinRequestStore store, Timeline timeline, Sections sections, PersonalDataCipher cipher, KeyedHash hash, AuditLog audit) {
        this.store = store;
        this.timeline = timeline;
        this.sections = sections;
        this.cipher = cipher;
        this.hash = hash;
        this.audit = audit;
    }

    @Override
    public List<HeldRecord> heldAbout(String email) {
        List<HeldRecord> held = new ArrayList<>();
        for (JoinRequestStore.Row r : store.byEmailHash(emailHash(email))) {
            List<List<Field>> events = timeline.of(r.id()).stream()
                    .map(e -> List.of(new Field("event", e.kind()), new Field("when", iso(e.at())),
                            new Field("detail", e.detail()), new Field("note", cipher.open(e.note(), ApplicantFields.NOTE, e.publicId()))))
                    .toList();
            held.add(new HeldRecord("join_request", r.publicId(), r.language(), List.of(
                    new Field("name", cipher.open(r.name(), ApplicantFields.NAME, r.publicId())),
                    new Field("email", cipher.open(r.email(), ApplicantFields.EMAIL, r.publicId())),
                    new Field("phone", cipher.open(r.phone(), ApplicantFields.PHONE, r.publicId())),
                    new Field("city", cipher.open(r.city(), ApplicantFields.CITY, r.publicId())),
                    new Field("message", cipher.open(r.message(), ApplicantFields.MESSAGE, r.publicId())),
                    new Field("country", r.countryCode()),
                    new Field("section", sections.find(r.sectionId()).map(Section::name).orElse(null)),
                    new Field("language", r.language()),
                    new Field("source", r.sourcePath()),
                    new Field("consent", iso(r.consentAt())),
                    new Field("received", iso(r.createdAt())),
                    new Field("confirmed", iso(r.confirmedAt())),
                    new Field("status", r.status().code())), events));
        }
        return held;
    }

    @Override
    public int erase(String email, Actor actor) {
        List<JoinRequestStore.Row> rows = store.byEmailHash(emailHash(email));
        for (JoinRequestStore.Row r : rows) {
            erase(r.id(), r.publicId(), r.sectionId(), actor, "subject");
        }
        return rows.size();
    }

    /**
     * Erases one request, with its event and its audit row, in the caller's transaction. {@code by} says why
     * (subject: at the applicant's demand; retention: its period ran out) and is the only detail recorded.
     */
    void erase(long requestId, String publicId, long sectionId, Actor actor, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        store.erase(requestId, now);
        timeline.eraseNotes(requestId);
        timeline.record(requestId, TimelineEvent.ERASED, actor.staffUserId(), "by=" + by, now);
        audit.record(actor, "join.erase", RequestReading.SUBJECT_TYPE, publicId,
                sections.find(sectionId).map(Section::slug).orElse(null), "by=" + by);
    }

    /** As join.JoinIntake computes it: the address stripped, in lower case. */
    private String emailHash(String email) {
        return hash.of(ApplicantFields.EMAIL_HASH, email.strip().toLowerCase(Locale.ROOT));
    }

    private static String iso(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
