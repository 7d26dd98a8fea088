package org.iskra.organizing;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.site.StaffContact;

/** The model of /admin/sections/{id}: its settings as last typed, its organizers and leads, its replies. */
public record SectionPage(PageFrame frame, Section section, String name, String contactEmail, String responseHours,
                          String countries, String closedRetentionDays, String unconfirmedRetentionDays,
                          List<StaffContact> organizers, List<Long> leadIds,
                          List<ReplyTemplate> replies, List<String> languages, String notice, String error) {

    public Messages t() {
        return frame.t();
    }

    public boolean leads(StaffContact organizer) {
        return leadIds.contains(organizer.id());
    }

    public String action(String name) {
        return "/admin/sections/" + section.id() + (name.isEmpty() ? "" : "/" + name);
    }
}
