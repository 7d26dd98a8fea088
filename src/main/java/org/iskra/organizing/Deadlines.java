package org.iskra.organizing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.scheduling.SingleNodeJobs;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests still new past their deadline: a reminder to whoever should answer (the assignee, else the section's
 * organizers), once; a second response period later, an escalation to the section's leads and the administrators,
 * once. Each mail and its event on the timeline commit together, so a crash never sends one twice or loses one.
 * The mails carry a link only: no name, no address.
 */
@Component
class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final SingleNodeJobs jobs;
    private final OverdueRequests overdue;
    private final Timeline timeline;
    private final SectionPeople people;
    private final Sections sections;
    private final StaffAccounts staff;
    private final Outbox outbox;
    private final PageFrames frames;
    private final Languages languages;
    private final IskraProperties site;
    private final TransactionTemplate transaction;

    Deadlines(SingleNodeJobs jobs, OverdueRequests overdue, Timeline timeline, SectionPeople people, Sections sections, StaffAccounts staff, Outbox outbox,
              PageFrames frames, Languages languages, IskraProperties site, PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.overdue = overdue;
        this.timeline = timeline;
        this.people = people;
        this.sections = sections;
        this.staff = staff;
        this.outbox = outbox;
        this.frames = frames;
        this.languages = languages;
        this.site = site;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${iskra.organizing.deadline-check:1m}",
            initialDelayString = "${iskra.organizing.deadline-check:1m}")
    void check() {
        jobs.runAlone("join-request-deadlines", LEASE, this::remindAndEscalate);
    }

    void remindAndEscalate() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (OverdueRequests.Due due : overdue.dueForReminder(now)) {
            transaction.executeWithoutResult(status -> remind(due));
        }
        for (OverdueRequests.Due due : overdue.dueForEscalation(now)) {
            transaction.executeWithoutResult(status -> escalate(due));
        }
    }

    private void remind(OverdueRequests.Due due) {
        Section section = sections.find(due.sectionId()).orElseThrow();
        List<String> to = new ArrayList<>();
        if (due.assigneeId() != null) {
            people.enabled(due.assigneeId()).ifPresent(p -> to.add(p.email()));
        }
        if (to.isEmpty()) {
            people.organizers(section).forEach(p -> to.add(p.email()));
        }
        send(due, section, to, "join.reminder", "organizing.mail.reminder.");
        timeline.record(due.id(), TimelineEvent.REMINDED, null, "recipients=" + Math.max(1, to.size()), OffsetDateTime.now(ZoneOffset.UTC));
        log.info("Join request {} is past its deadline: reminder sent", due.publicId());
    }

    private void escalate(OverdueRequests.Due due) {
        Section section = sections.find(due.sectionId()).orElseThrow();
        Set<String> to = new LinkedHashSet<>();
        people.leads(section).forEach(p -> to.add(p.email()));
        to.addAll(staff.emailsWithRole(Role.ADMINISTRATOR, ""));
        send(due, section, new ArrayList<>(to), "join.escalation", "organizing.mail.escalation.");
        timeline.record(due.id(), TimelineEvent.ESCALATED, null, "recipients=" + Math.max(1, to.size()), OffsetDateTime.now(ZoneOffset.UTC));
        log.info("Join request {} is still unanswered: escalated", due.publicId());
    }

    private void send(OverdueRequests.Due due, Section section, List<String> to, String kind, String keys) {
        if (to.isEmpty()) {
            // nobody to name: the section's contact address hears of it, so the request does not go unnoticed
            to = List.of(section.contactEmail());
        }
        Language language = languages.defaultLanguage();
        Messages t = frames.messages(language);
        String link = site.baseUrl() + "/admin/join/" + due.publicId();
        for (String recipient : to) {
            outbox.enqueue(new OutgoingMail(kind, recipient, t.get(keys + "subject"),
                    t.get(keys + "body", section.name(), link), language.code()));
        }
    }
}
