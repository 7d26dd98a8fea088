package org.iskra.organizing;

import static org.iskra.organizing.ApplicantFields.CITY;
import static org.iskra.organizing.ApplicantFields.EMAIL;
import static org.iskra.organizing.ApplicantFields.MESSAGE;
import static org.iskra.organizing.ApplicantFields.NAME;
import static org.iskra.organizing.ApplicantFields.PHONE;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.SealedField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A section's join requests as CSV, personal data opened, for an organizer of the section or an administrator;
 * the export is audited with the number of requests it holds.
 */
@Service
class SectionExport {

    private final JoinRequestStore store;
    private final Sections sections;
    private final SectionPeople people;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    SectionExport(JoinRequestStore store, Sections sections, SectionPeople people, PersonalDataCipher cipher,
                  AuditLog audit) {
        this.store = store;
        this.sections = sections;
        this.people = people;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public Optional<String> csv(long sectionId, Organizer user, Actor actor) {
        Optional<Section> section = sections.find(sectionId).filter(user::organizes);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        List<JoinRequestStore.Row> rows = store.ofSection(sectionId);
        Set<Long> assignees = new HashSet<>();
        rows.forEach(r -> assignees.add(r.assigneeId()));
        Map<Long, String> names = people.names(assignees);
        StringBuilder csv = new StringBuilder(
                "id,received,country,language,name,email,phone,city,message,status,confirmed,assignee,due\r\n");
        for (JoinRequestStore.Row r : rows) {
            String assignee = names.get(r.assigneeId());
            List<String> cells = List.of(r.publicId(), UtcTimes.iso(r.createdAt()), r.countryCode(), r.language(),
                    open(r, NAME, r.name()), open(r, EMAIL, r.email()), open(r, PHONE, r.phone()), open(r, CITY, r.city()),
                    open(r, MESSAGE, r.message()), r.status().code(), UtcTimes.iso(r.confirmedAt()),
                    assignee == null ? "" : assignee, UtcTimes.iso(r.dueAt()));
            csv.append(String.join(",", cells.stream().map(SectionExport::csvCell).toList())).append("\r\n");
        }
        audit.record(actor, "join.export", "section", section.get().slug(), section.get().slug(), "rows=" + rows.size());
        return Optional.of(csv.toString());
    }

    private String open(JoinRequestStore.Row row, SealedField field, String sealed) {
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
}
