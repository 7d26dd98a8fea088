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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.SealedField;

import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What organizers do with a join request: read it, change its status, note, assign, transfer, reply. Each use case
 * is one transaction holding the change, its timeline event and its audit row. A request of a section the user
 * does not organize is answered as if it did not exist ({@link Optional#empty()} or {@code false}), so guessing
 * ids tells nothing.
 */
@Service
class FollowUp {

    static final List<String> STATUSES = List.of("new", "contacted", "meeting_arranged", "joined", "not_interested",
            "unreachable", "spam");
    static final String SUBJECT_TYPE = "join_request";

    /** Why a change was refused: a message key, or null when it was made. Absent: no such request for this user. */
    record Outcome(String error) {
        static final Outcome DONE = new Outcome(null);
    }

    private final FollowUpStore store;
    private final Sections sections;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Outbox outbox;
    private final PageFrames frames;
    private final Languages languages;
    private final JoinMetrics metrics;

    FollowUp(FollowUpStore store, Sections sections, PersonalDataCipher cipher, AuditLog audit, Outbox outbox,
             PageFrames frames, Languages languages, JoinMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.sections = sections;
        this.cipher = cipher;
        this.audit = audit;
        this.outbox = outbox;
        this.frames = frames;
        this.languages = languages;
    }

    /** The request with its personal data opened and its timeline; the reading is audited. */
    @Transactional
    public Optional<RequestView> open(String publicId, Organizer user, Actor actor) {
        Optional<Visible> visible = visible(publicId, user);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        FollowUpStore.Row row = visible.get().row();
        Section section = visible.get().section();
        audit.record(actor, "join.view", SUBJECT_TYPE, row.publicId(), section.slug(), null);
        List<RequestView.Event> timeline = store.timeline(row.id()).stream()
                .map(e -> new RequestView.Event(e.kind(), e.actorName(), e.detail(), cipher.open(e.note(), NOTE, e.publicId()), e.at()))
                .toList();
        boolean lead = user.administrator() || store.leads(section.id(), user.id());
        return Optional.of(new RequestView(row.publicId(), section, row.countryCode(), row.language(), row.sourcePath(),
                cipher.open(row.name(), NAME, row.publicId()), cipher.open(row.email(), EMAIL, row.publicId()),
                cipher.open(row.phone(), PHONE, row.publicId()), cipher.open(row.city(), CITY, row.publicId()),
                cipher.open(row.message(), MESSAGE, row.publicId()), row.consentAt(), row.confirmedAt(),
                row.status(), row.dueAt(), row.createdAt(), row.assigneeId(), row.assigneeName(), timeline,
                lead, lead ? store.organizers(section.slug()) : List.of(), sections.list(), row.erasedAt(), row.purgeAt()));
    }

    /** Requests of the sections the user organizes, names opened; one audit row for the listing. */
    @Transactional
    public Dashboard list(Organizer user, DashboardFilter filter, int page, int pageSize, Actor actor) {
        List<Section> all = sections.list();
        List<Section> mine = all.stream().filter(user::organizes).toList();
        Map<Long, Section> byId = new HashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        if (mine.isEmpty()) {
            return new Dashboard(List.of(), Map.of(), false, List.of(), List.of(), null);
        }
        List<Long> sectionIds = user.administrator() ? null : mine.stream().map(Section::id).toList();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<FollowUpStore.ListRow> rows = store.list(new FollowUpStore.ListQuery(sectionIds, filter.status(),
                filter.assignee(user.id()), filter.country(), filter.confirmed(),
                now, (page - 1) * pageSize, pageSize + 1));
        boolean more = rows.size() > pageSize;
        List<Dashboard.Line> lines = rows.stream().limit(pageSize)
                .map(r -> new Dashboard.Line(r.publicId(), byId.get(r.sectionId()), r.countryCode(), r.language(),
                        cipher.open(r.name(), NAME, r.publicId()), r.status(), r.confirmed(), r.dueAt(),
                        r.status().equals("new") && r.dueAt().isBefore(now), r.createdAt(), r.assigneeName(), r.purgeAt()))
                .toList();
        audit.record(actor, "join.list", SUBJECT_TYPE, null, mine.size() == 1 ? mine.get(0).slug() : null,
                "shown=" + lines.size() + " page=" + page + filter.describe());
        Map<Long, StaffMember> organizers = new LinkedHashMap<>();
        mine.forEach(s -> store.organizers(s.slug()).forEach(p -> organizers.putIfAbsent(p.id(), p)));
        return new Dashboard(lines, store.countsByStatus(sectionIds), more, mine, List.copyOf(organizers.values()),
                metrics.figures(sectionIds));
    }

    /**
     * The section's requests as CSV, personal data opened, for an organizer of the section or an administrator; the
     * export is audited with the number of requests it holds.
     */
    @Transactional
    public Optional<String> export(long sectionId, Organizer user, Actor actor) {
        Optional<Section> section = sections.find(sectionId).filter(user::organizes);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        List<FollowUpStore.Row> rows = store.ofSection(sectionId);
        StringBuilder csv = new StringBuilder(
                "id,received,country,language,name,email,phone,city,message,status,confirmed,assignee,due\r\n");
        for (FollowUpStore.Row r : rows) {
            List<String> cells = List.of(r.publicId(), Times.iso(r.createdAt()), r.countryCode(), r.language(),
                    open(r, NAME, r.name()), open(r, EMAIL, r.email()), open(r, PHONE, r.phone()), open(r, CITY, r.city()),
                    open(r, MESSAGE, r.message()), r.status(), Times.iso(r.confirmedAt()),
                    r.assigneeName() == null ? "" : r.assigneeName(), Times.iso(r.dueAt()));
            csv.append(String.join(",", cells.stream().map(FollowUp::csvCell).toList())).append("\r\n");
        }
        audit.record(actor, "join.export", "section", section.get().slug(), section.get().slug(), "rows=" + rows.size());
        return Optional.of(csv.toString());
    }

    private String open(FollowUpStore.Row row, SealedField field, String sealed) {
        String value = cipher.open(sealed, field, row.publicId());
        return value == null ? "" : value;
    }

    /**
     * One CSV cell: quoted, quotes doubled, and a leading character a spreadsheet would take for a formula made
     * harmless, since the applicant wrote the text.
     */
    static String csvCell(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    @Transactional
    public Optional<Outcome> changeStatus(String publicId, String status, Organizer user, Actor actor) {
        Optional<Visible> visible = visible(publicId, user);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        if (status == null || !STATUSES.contains(status)) {
            return Optional.of(new Outcome("organizing.error.status"));
        }
        FollowUpStore.Row row = visible.get().row();
        if (row.status().equals(status)) {
            return Optional.of(Outcome.DONE);
        }
        store.changeStatus(row.id(), row.status(), status);
        String detail = "from=" + row.status() + " to=" + status;
        store.event(row.id(), "status", user.id(), detail, now());
        audit.record(actor, "join.status", SUBJECT_TYPE, publicId, visible.get().section().slug(), detail);
        return Optional.of(Outcome.DONE);
    }

    @Transactional
    public Optional<Outcome> addNote(String publicId, String note, Organizer user, Actor actor) {
        Optional<Visible> visible = visible(publicId, user);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        if (note == null || note.isBlank()) {
            return Optional.of(new Outcome("organizing.error.note-empty"));
        }
        if (note.length() > 4000) {
            return Optional.of(new Outcome("organizing.error.note-long"));
        }
        FollowUpStore.Row row = visible.get().row();
        String eventId = UUID.randomUUID().toString();
        store.note(row.id(), user.id(), eventId, cipher.seal(note.strip(), NOTE, eventId), now());
        audit.record(actor, "join.note", SUBJECT_TYPE, publicId, visible.get().section().slug(), null);
        return Optional.of(Outcome.DONE);
    }

    /**
     * Assigns the request to an organizer of its section ({@code assigneeId} null: to nobody). Anyone organizing
     * the section may take a request or give back their own; assigning others is for its leads and administrators.
     */
    @Transactional
    public Optional<Outcome> assign(String publicId, Long assigneeId, Organizer user, Actor actor) {
        Optional<Visible> visible = visible(publicId, user);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        FollowUpStore.Row row = visible.get().row();
        Section section = visible.get().section();
        boolean lead = user.administrator() || store.leads(section.id(), user.id());
        boolean self = assigneeId == null ? Long.valueOf(user.id()).equals(row.assigneeId()) : assigneeId == user.id();
        if (!self && !lead) {
            return Optional.of(new Outcome("organizing.error.assign-not-allowed"));
        }
        if (assigneeId != null && store.organizers(section.slug()).stream().noneMatch(p -> p.id() == assigneeId)
                && !(self && user.administrator())) {
            return Optional.of(new Outcome("organizing.error.assignee"));
        }
        store.assign(row.id(), assigneeId);
        String detail = assigneeId == null ? "assignee=none" : "assignee=" + assigneeId;
        store.event(row.id(), "assigned", user.id(), detail, now());
        audit.record(actor, "join.assign", SUBJECT_TYPE, publicId, section.slug(), detail);
        return Optional.of(Outcome.DONE);
    }

    /** Hands the request to another section, whose deadline starts now; it leaves its assignee behind. */
    @Transactional
    public Optional<Outcome> transfer(String publicId, Long sectionId, Organizer user, Actor actor) {
        Optional<Visible> visible = visible(publicId, user);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        Optional<Section> target = sectionId == null ? Optional.empty() : sections.find(sectionId);
        Section from = visible.get().section();
        if (target.isEmpty() || target.get().id() == from.id()) {
            return Optional.of(new Outcome("organizing.error.section"));
        }
        FollowUpStore.Row row = visible.get().row();
        OffsetDateTime now = now();
        store.transfer(row.id(), target.get().id(), now.plusHours(target.get().responseHours()));
        String detail = "from=" + from.slug() + " to=" + target.get().slug();
        store.event(row.id(), "transferred", user.id(), detail, now);
        audit.record(actor, "join.transfer", SUBJECT_TYPE, publicId, from.slug(), detail);
        return Optional.of(Outcome.DONE);
    }

    /**
     * Sends the applicant the section's reply in their language (else the section's English one, else Iskra's own
     * text in their language) through the outbox; a new request becomes contacted.
     */
    @Transactional
    public Optional<Outcome> reply(String publicId, Organizer user, Actor actor) {
        Optional<Visible> visible = visible(publicId, user);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        FollowUpStore.Row row = visible.get().row();
        if (row.erasedAt() != null) {
            // the address is gone with the rest of the applicant's data: there is nobody to write to
            return Optional.of(new Outcome("privacy.retention.error.erased"));
        }
        Section section = visible.get().section();
        Language language = languages.find(row.language()).orElse(languages.defaultLanguage());
        String name = cipher.open(row.name(), NAME, row.publicId());
        String[] template = store.replyTemplate(section.id(), language.code())
                .or(() -> store.replyTemplate(section.id(), "en"))
                .orElseGet(() -> {
                    Messages t = frames.messages(language);
                    return new String[] {t.get("organizing.reply.subject"), t.get("organizing.reply.body")};
                });
        Map<String, String> values = Map.of("{name}", name, "{section}", section.name());
        String subject = fill(template[0], values).replace('\r', ' ').replace('\n', ' ');
        String body = fill(template[1], values);
        outbox.enqueue(new OutgoingMail("join.reply", cipher.open(row.email(), EMAIL, row.publicId()), subject, body,
                language.code()));
        OffsetDateTime now = now();
        store.event(row.id(), "replied", user.id(), "language=" + language.code(), now);
        if (row.status().equals("new")) {
            store.changeStatus(row.id(), "new", "contacted");
            store.event(row.id(), "status", user.id(), "from=new to=contacted", now);
        }
        audit.record(actor, "join.reply", SUBJECT_TYPE, publicId, section.slug(), "language=" + language.code());
        return Optional.of(Outcome.DONE);
    }

    private static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    private record Visible(FollowUpStore.Row row, Section section) {
    }

    private Optional<Visible> visible(String publicId, Organizer user) {
        if (publicId == null || !publicId.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return store.find(publicId).flatMap(row -> sections.find(row.sectionId())
                .filter(user::organizes)
                .map(section -> new Visible(row, section)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
