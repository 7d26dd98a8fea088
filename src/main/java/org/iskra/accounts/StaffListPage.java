package org.iskra.accounts;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the staff list: one page of accounts and where the other pages are. */
public record StaffListPage(PageFrame frame, List<Row> rows, int page, int pages, String notice) {

    /** One account as listed; {@code passwordChanged} is a date, or a note that the invitation is pending. */
    public record Row(long id, String name, String email, String roles, boolean enabled, String passwordChanged) {
    }

    public Messages t() {
        return frame.t();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
