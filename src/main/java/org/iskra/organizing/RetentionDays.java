package org.iskra.organizing;

/** How long a section keeps requests closed (not interested, unreachable, spam) and never confirmed, in days. */
record RetentionDays(int closed, int unconfirmed) {

    static final RetentionDays DEFAULT = new RetentionDays(180, 30);
}
