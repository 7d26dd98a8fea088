package org.iskra.organizing;

/**
 * What can happen to a join request, as its timeline records it. The code is stored in {@code join_event.kind}
 * and names the message key of the timeline's entry.
 */
public enum TimelineEvent {
    RECEIVED("received"), CONFIRMED("confirmed"), STATUS("status"), NOTE("note"), ASSIGNED("assigned"),
    TRANSFERRED("transferred"), REPLIED("replied"), REMINDED("reminded"), ESCALATED("escalated"), ERASED("erased");

    private final String code;

    TimelineEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
