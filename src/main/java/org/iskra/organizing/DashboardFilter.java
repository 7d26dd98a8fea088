package org.iskra.organizing;

import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's filters as given in the address, each empty when not filtering: status, assignee ("me", "none"
 * or a staff user's id), country (ISO code) and confirmed ("yes" or "no").
 */
record DashboardFilter(String statusText, String assigneeText, String countryText, String confirmedText) {

    DashboardFilter {
        statusText = clean(statusText);
        assigneeText = clean(assigneeText);
        countryText = clean(countryText).toUpperCase(Locale.ROOT);
        confirmedText = clean(confirmedText);
    }

    /** The message key of the first filter that cannot be read. */
    Optional<String> error() {
        if (!statusText.isEmpty() && RequestStatus.of(statusText).isEmpty()) {
            return Optional.of("organizing.error.status");
        }
        if (!assigneeText.isEmpty() && !assigneeText.equals("me") && !assigneeText.equals("none")
                && !assigneeText.matches("[1-9][0-9]{0,17}")) {
            return Optional.of("organizing.error.filter");
        }
        if (!countryText.isEmpty() && !countryText.matches("[A-Z]{2}")) {
            return Optional.of("organizing.error.country");
        }
        if (!confirmedText.isEmpty() && !confirmedText.equals("yes") && !confirmedText.equals("no")) {
            return Optional.of("organizing.error.filter");
        }
        return Optional.empty();
    }

    RequestStatus status() {
        return RequestStatus.of(statusText).orElse(null);
    }

    /** The assignee to filter by: a staff user's id, 0 for nobody, null for anyone. */
    Long assignee(long userId) {
        if (assigneeText.isEmpty()) {
            return null;
        }
        return assigneeText.equals("me") ? userId : assigneeText.equals("none") ? 0L : Long.parseLong(assigneeText);
    }

    String country() {
        return countryText.isEmpty() ? null : countryText;
    }

    Boolean confirmed() {
        return confirmedText.isEmpty() ? null : confirmedText.equals("yes");
    }

    /** The filters for the audit row: values from fixed lists and a country code, never personal data. */
    String describe() {
        return (statusText.isEmpty() ? "" : " status=" + statusText)
                + (assigneeText.isEmpty() ? "" : " assignee=" + assigneeText)
                + (countryText.isEmpty() ? "" : " country=" + countryText)
                + (confirmedText.isEmpty() ? "" : " confirmed=" + confirmedText);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
