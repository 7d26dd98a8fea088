package org.iskra.organizing;

import static org.iskra.organizing.ApplicantFields.CITY;
import static org.iskra.organizing.ApplicantFields.EMAIL;
import static org.iskra.organizing.ApplicantFields.MESSAGE;
import static org.iskra.organizing.ApplicantFields.NAME;
import static org.iskra.organizing.ApplicantFields.NOTE;
import static org.iskra.organizing.ApplicantFields.PHONE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.site.StaffContact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What organizers read: the dashboard of their sections and one request with its timeline, personal data opened.
 * Every reading is audited in the transaction that reads, so no personal data is shown without its audit row.
 */
@Service
class RequestReading {

    static final String SUBJECT_TYPE = "join_request";

    private final JoinRequestStore store;
    private final Timeline timeline;
    private final VisibleRequests visible;
    private final SectionPeople people;
    private final Sections sections;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final JoinMetrics metrics;

    RequestReading(JoinRequestStore store, Timeline timeline, VisibleRequests visible, SectionPeople people,
                   Sections sections, PersonalDataCipher cipher, AuditLog audit, JoinMetrics metrics) {
        this.store = store;
        this.timeline = timeline;
        this.visible = visible;
        this.people = people;
        this.sections = sections;
        this.cipher = cipher;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** The request with its personal data opened and its timeline; the reading is audited. */
    @Transactional
    public Optional<RequestView> open(String publicId, Organizer user, Actor actor) {
        Optional<VisibleRequests.Visible> found = visible.find(publicId, user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JoinRequestStore.Row row = found.get().row();
        Section section = found.get().section();
        audit.record(actor, "join.view", SUBJECT_TYPE, row.publicId(), section.slug(), null);
        List<Timeline.EventRow> events = timeline.of(row.id());
        Set<Long> named = new HashSet<>();
        named.add(row.assigneeId());
        events.forEach(e -> named.add(e.actorId()));
        Map<Long, String> names = people.names(named);
        List<RequestView.Event> shown = events.stream()
                .map(e -> new RequestView.Event(e.kind(), names.get(e.actorId()), e.detail(),
                        cipher.open(e.note(), NOTE, e.publicId()), e.at()))
                .toList();
        boolean lead = people.mayAssignOthers(user, section);
        return Optional.of(new RequestView(row.publicId(), section, row.countryCode(), row.language(), row.sourcePath(),
                cipher.open(row.name(), NAME, row.publicId()), cipher.open(row.email(), EMAIL, row.publicId()),
                cipher.open(row.phone(), PHONE, row.publicId()), cipher.open(row.city(), CITY, row.publicId()),
                cipher.open(row.message(), MESSAGE, row.publicId()), row.consentAt(), row.confirmedAt(),
                row.status(), row.dueAt(), row.createdAt(), row.assigneeId(), names.get(row.assigneeId()), shown,
                lead, lead ? people.organizers(section) : List.of(), sections.list(), row.erasedAt(), row.purgeAt()));
    }

    /** Requests of the sections the user organizes, names opened; one audit row for the listing. */
    @Transactional
    public Dashboard list(Organizer user, DashboardFilter filter, int page, int pageSize, Actor actor) {
        List<Section> all = sections.list();
        List<Section> mine = all.stream().filter(user::organizes).toList();
        Map<Long, Section> byId = new HashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        if (mine.isEmpty()) {
            return Dashboard.EMPTY;
        }
        List<Long> sectionIds = user.administrator() ? null : mine.stream().map(Section::id).toList();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<JoinRequestStore.ListRow> rows = store.list(new JoinRequestStore.ListQuery(sectionIds, filter.status(),
                filter.assignee(user.id()), filter.country(), filter.confirmed(),
                now, (page - 1) * pageSize, pageSize + 1));
        boolean more = rows.size() > pageSize;
        List<JoinRequestStore.ListRow> shown = rows.stream().limit(pageSize).toList();
        Set<Long> assignees = new HashSet<>();
        shown.forEach(r -> assignees.add(r.assigneeId()));
        Map<Long, String> names = people.names(assignees);
        List<Dashboard.Line> lines = shown.stream()
                .map(r -> new Dashboard.Line(r.publicId(), byId.get(r.sectionId()), r.countryCode(), r.language(),
                        cipher.open(r.name(), NAME, r.publicId()), r.status(), r.confirmed(), r.dueAt(),
                        r.status() == RequestStatus.NEW && r.dueAt().isBefore(now), r.createdAt(),
                        names.get(r.assigneeId()), r.purgeAt()))
                .toList();
        audit.record(actor, "join.list", SUBJECT_TYPE, null, mine.size() == 1 ? mine.get(0).slug() : null,
                "shown=" + lines.size() + " page=" + page + filter.describe());
        Map<Long, StaffContact> organizers = new LinkedHashMap<>();
        mine.forEach(s -> people.organizers(s).forEach(p -> organizers.putIfAbsent(p.id(), p)));
        return new Dashboard(lines, store.countsByStatus(sectionIds), more, mine, List.copyOf(organizers.values()),
                metrics.figures(sectionIds));
    }
}
