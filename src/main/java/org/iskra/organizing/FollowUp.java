package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What organizers change on a join request: its status, a note, its assignee, its section. Each use case is one
 * transaction holding the change, its timeline event and its audit row, and records the event and the audit row
 * only for a change that was made. Empty: no such request for this user (see {@link VisibleRequests}).
 */
@Service
class FollowUp {

    private final JoinRequestStore store;
    private final Timeline timeline;
    private final VisibleRequests visible;
    private final SectionPeople people;
    private final Sections sections;
    private final AuditLog audit;

    FollowUp(JoinRequestStore store, Timeline timeline, VisibleRequests visible, SectionPeople people,
             Sections sections, AuditLog audit) {
        this.store = store;
        this.timeline = timeline;
        this.visible = visible;
        this.people = people;
        this.sections = sections;
        this.audit = audit;
    }

    /**
     * Sets the status. The change is made only if the status is still the one this transaction read: when another
     * organizer changed it meanwhile, nothing is recorded and the organizer is told to look again.
     */
    @Transactional
    public Optional<FollowUpOutcome> changeStatus(String publicId, String status, Organizer user, Actor actor) {
        Optional<VisibleRequests.Visible> found = visible.find(publicId, user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<RequestStatus> to = RequestStatus.of(status);
        if (to.isEmpty()) {
            return Optional.of(FollowUpOutcome.refused("organizing.error.status"));
        }
        JoinRequestStore.Row row = found.get().row();
        if (row.status() == to.get()) {
            return Optional.of(FollowUpOutcome.DONE);
        }
        if (!store.changeStatus(row.id(), row.status(), to.get())) {
            return Optional.of(FollowUpOutcome.CHANGED_MEANWHILE);
        }
        String detail = "from=" + row.status().code() + " to=" + to.get().code();
        timeline.record(row.id(), TimelineEvent.STATUS, user.id(), detail, now());
        audit.record(actor, "join.status", RequestReading.SUBJECT_TYPE, publicId, found.get().section().slug(), detail);
        return Optional.of(FollowUpOutcome.DONE);
    }

    @Transactional
    public Optional<FollowUpOutcome> addNote(String publicId, String note, Organizer user, Actor actor) {
        Optional<VisibleRequests.Visible> found = visible.find(publicId, user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (note == null || note.isBlank()) {
            return Optional.of(FollowUpOutcome.refused("organizing.error.note-empty"));
        }
        if (note.length() > 4000) {
            return Optional.of(FollowUpOutcome.refused("organizing.error.note-long"));
        }
        timeline.note(found.get().row().id(), user.id(), note.strip(), now());
        audit.record(actor, "join.note", RequestReading.SUBJECT_TYPE, publicId, found.get().section().slug(), null);
        return Optional.of(FollowUpOutcome.DONE);
    }

    /**
     * Assigns the request to an organizer of its section ({@code assigneeId} null: to nobody). Anyone organizing
     * the section may take a request or give back their own; assigning others is for its leads and administrators.
     */
    @Transactional
    public Optional<FollowUpOutcome> assign(String publicId, Long assigneeId, Organizer user, Actor actor) {
        Optional<VisibleRequests.Visible> found = visible.find(publicId, user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JoinRequestStore.Row row = found.get().row();
        Section section = found.get().section();
        boolean lead = people.mayAssignOthers(user, section);
        boolean self = assigneeId == null ? Long.valueOf(user.id()).equals(row.assigneeId()) : assigneeId == user.id();
        if (!self && !lead) {
            return Optional.of(FollowUpOutcome.refused("organizing.error.assign-not-allowed"));
        }
        if (assigneeId != null && people.organizers(section).stream().noneMatch(p -> p.id() == assigneeId)
                && !(self && user.administrator())) {
            return Optional.of(FollowUpOutcome.refused("organizing.error.assignee"));
        }
        store.assign(row.id(), assigneeId);
        String detail = assigneeId == null ? "assignee=none" : "assignee=" + assigneeId;
        timeline.record(row.id(), TimelineEvent.ASSIGNED, user.id(), detail, now());
        audit.record(actor, "join.assign", RequestReading.SUBJECT_TYPE, publicId, section.slug(), detail);
        return Optional.of(FollowUpOutcome.DONE);
    }

    /** Hands the request to another section, whose deadline starts now; it leaves its assignee behind. */
    @Transactional
    public Optional<FollowUpOutcome> transfer(String publicId, Long sectionId, Organizer user, Actor actor) {
        Optional<VisibleRequests.Visible> found = visible.find(publicId, user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Section> target = sectionId == null ? Optional.empty() : sections.find(sectionId);
        Section from = found.get().section();
        if (target.isEmpty() || target.get().id() == from.id()) {
            return Optional.of(FollowUpOutcome.refused("organizing.error.section"));
        }
        JoinRequestStore.Row row = found.get().row();
        OffsetDateTime now = now();
        store.transfer(row.id(), target.get().id(), now.plusHours(target.get().responseHours()));
        String detail = "from=" + from.slug() + " to=" + target.get().slug();
        timeline.record(row.id(), TimelineEvent.TRANSFERRED, user.id(), detail, now);
        audit.record(actor, "join.transfer", RequestReading.SUBJECT_TYPE, publicId, from.slug(), detail);
        return Optional.of(FollowUpOutcome.DONE);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
