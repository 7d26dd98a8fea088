package org.iskra.join;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.organizing.IncomingRequests;
import org.iskra.organizing.Section;
import org.iskra.organizing.Sections;
import org.iskra.organizing.TimelineEvent;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a group of join requests in one transaction: each routed to the section covering its country, stored
 * with its deadline and first timeline event, and its mail (confirmation to the applicant, notice to the
 * section's organizers) queued in the outbox. A request whose form token is already stored (a retried POST, or a
 * double click that landed in the same group) is left out, and the caller looks up the first one.
 */
@Component
class JoinRecorder {

    private static final Logger log = LoggerFactory.getLogger(JoinRecorder.class);

    private final IncomingRequests store;
    private final Sections sections;
    private final Outbox outbox;
    private final PageFrames frames;
    private final Languages languages;
    private final Countries countries;
    private final IskraProperties site;

    JoinRecorder(IncomingRequests store, Sections sections, Outbox outbox, PageFrames frames, Languages languages,
                 Countries countries, IskraProperties site) {
        this.store = store;
        this.sections = sections;
        this.outbox = outbox;
        this.frames = frames;
        this.languages = languages;
        this.countries = countries;
        this.site = site;
    }

    /**
     * Returns, for each request in order, its public id, or empty when its form token was stored before (by an
     * earlier group, or by an earlier request of this one).
     */
    @Transactional
    public List<Optional<String>> record(List<PreparedJoin> joins) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // read once per group: a group holds many requests from a few countries
        Map<String, Section> sectionOfCountry = new HashMap<>();
        Map<Long, List<String>> organizersOfSection = new HashMap<>();
        List<IncomingRequests.NewRow> rows = new ArrayList<>(joins.size());
        List<Section> routed = new ArrayList<>(joins.size());
        for (PreparedJoin join : joins) {
            Section section = sectionOfCountry.computeIfAbsent(join.countryCode(), sections::route);
            routed.add(section);
            rows.add(new IncomingRequests.NewRow(join.publicId(), join.formToken(), section.id(), join.countryCode(),
                    join.language(), join.sourcePath(), join.sealed(), join.confirmationTokenHash(),
                    now.plusHours(section.responseHours())));
        }
        Map<String, Long> stored = store.insertAll(rows, now);

        List<IncomingRequests.NewEvent> events = new ArrayList<>();
        List<OutgoingMail> mails = new ArrayList<>();
        List<Optional<String>> publicIds = new ArrayList<>(joins.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < joins.size(); i++) {
            PreparedJoin join = joins.get(i);
            Long id = stored.get(join.formToken());
            // of two requests with one token in this group, the first is the one stored
            if (id == null || !taken.add(join.formToken())) {
                publicIds.add(Optional.empty());
                continue;
            }
            Section section = routed.get(i);
            events.add(new IncomingRequests.NewEvent(id, TimelineEvent.RECEIVED, "section=" + section.slug(), now));
            mails.add(confirmation(join, section));
            mails.addAll(notices(join, section, organizersOfSection.computeIfAbsent(section.id(), s -> organizers(section))));
            publicIds.add(Optional.of(join.publicId()));
            log.info("Join request {} received for section {}", join.publicId(), section.slug());
        }
        store.events(events);
        outbox.enqueueAll(mails);
        return publicIds;
    }

    private OutgoingMail confirmation(PreparedJoin join, Section section) {
        Language language = new Language(join.language());
        Messages t = frames.messages(language);
        String link = site.baseUrl() + "/" + language.code() + "/join/confirm?token=" + join.confirmationToken();
        return new OutgoingMail("join.confirmation", join.email(),
                t.get("join.mail.confirm.subject"),
                t.get("join.mail.confirm.body", join.name(), link, section.name()),
                language.code());
    }

    /** The organizers' notice names the country and links the back office: no name, address or message. */
    private List<OutgoingMail> notices(PreparedJoin join, Section section, List<String> organizers) {
        Language staffLanguage = languages.defaultLanguage();
        Messages staff = frames.messages(staffLanguage);
        String country = countries.name(join.countryCode(), staffLanguage);
        String adminLink = site.baseUrl() + "/admin/join/" + join.publicId();
        // every organizer's notice has the same text: formatted once
        String subject = staff.get("join.mail.notify.subject", country);
        String body = staff.get("join.mail.notify.body", country, section.name(), section.responseHours(), adminLink);
        List<OutgoingMail> notices = new ArrayList<>(organizers.size());
        for (String organizer : organizers) {
            notices.add(new OutgoingMail("join.notification", organizer, subject, body, staffLanguage.code()));
        }
        return notices;
    }

    private List<String> organizers(Section section) {
        List<String> organizers = sections.organizerEmails(section);
        // nobody organizes the section yet: its contact address hears of the request, so it is not unnoticed
        return organizers.isEmpty() ? List.of(section.contactEmail()) : organizers;
    }
}
