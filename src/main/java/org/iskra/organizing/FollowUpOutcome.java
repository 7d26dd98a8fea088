package org.iskra.organizing;

/**
 * What became of an organizer's change: made ({@code error} null), refused for a reason the organizer can fix
 * (a message key), or refused because someone else changed the request meanwhile ({@code conflict}: the page they
 * acted on is out of date, so they look again before deciding).
 */
record FollowUpOutcome(String error, boolean conflict) {

    static final FollowUpOutcome DONE = new FollowUpOutcome(null, false);
    static final FollowUpOutcome CHANGED_MEANWHILE = new FollowUpOutcome("organizing.error.changed-meanwhile", true);

    static FollowUpOutcome refused(String error) {
        return new FollowUpOutcome(error, false);
    }
}
