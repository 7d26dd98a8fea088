package org.iskra.organizing;

import static org.iskra.organizing.ApplicantFields.EMAIL;
import static org.iskra.organizing.ApplicantFields.NAME;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organizer's reply to an applicant: the section's reply in the applicant's language (else the section's
 * English one, else Iskra's own text in their language), with their name and the section's filled in, queued in
 * the outbox in the transaction that records it.
 */
@Service
class ApplicantReply {

    private final VisibleRequests visible;
    private final JoinRequestStore store;
    private final Timeline timeline;
    private final SectionStore sections;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Outbox outbox;
    private final PageFrames frames;
    private final Languages languages;

    ApplicantReply(VisibleRequests visible, JoinRequestStore store, Timeline timeline, SectionStore sections,
                   PersonalDataCipher cipher, AuditLog audit, Outbox outbox, PageFrames frames, Languages languages) {
        this.visible = visible;
        this.store = store;
        this.timeline = timeline;
        this.sections = sections;
        this.cipher = cipher;
        this.audit = audit;
        this.outbox = outbox;
        this.frames = frames;
        this.languages = languages;
    }

    /** Sends the reply through the outbox; a new request becomes contacted. */
    @Transactional
    public Optional<FollowUpOutcome> send(String publicId, Organizer user, Actor actor) {
        Optional<VisibleRequests.Visible> found = visible.find(publicId, user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JoinRequestStore.Row row = found.get().row();
        if (row.erasedAt() != null) {
            // the address is gone with the rest of the applicant's data: there is nobody to write to
            return Optional.of(FollowUpOutcome.refused("privacy.retention.error.erased"));
        }
        Section section = found.get().section();
        Language language = languages.find(row.language()).orElse(languages.defaultLanguage());
        ReplyTemplate template = sections.reply(section.id(), language.code())
                .or(() -> sections.reply(section.id(), "en"))
                .orElseGet(() -> {
                    Messages t = frames.messages(language);
                    return new ReplyTemplate(language.code(), t.get("organizing.reply.subject"), t.get("organizing.reply.body"));
                });
        Map<String, String> values = Map.of("{name}", cipher.open(row.name(), NAME, row.publicId()),
                "{section}", section.name());
        String subject = fill(template.subject(), values).replace('\r', ' ').replace('\n', ' ');
        String body = fill(template.body(), values);
        outbox.enqueue(new OutgoingMail("join.reply", cipher.open(row.email(), EMAIL, row.publicId()), subject, body,
                language.code()));
        OffsetDateTime now = FollowUp.now();
        timeline.record(row.id(), TimelineEvent.REPLIED, user.id(), "language=" + language.code(), now);
        // another organizer may have changed the status meanwhile: theirs stands, and no change is recorded
        if (row.status() == RequestStatus.NEW
                && store.changeStatus(row.id(), RequestStatus.NEW, RequestStatus.CONTACTED)) {
            timeline.record(row.id(), TimelineEvent.STATUS, user.id(), "from=new to=contacted", now);
        }
        audit.record(actor, "join.reply", RequestReading.SUBJECT_TYPE, publicId, section.slug(),
                "language=" + language.code());
        return Optional.of(FollowUpOutcome.DONE);
    }

    /** Fills in the placeholders {name} and {section}. */
    static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }
}
