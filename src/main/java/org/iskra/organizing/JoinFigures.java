package org.iskra.organizing;

import java.time.LocalDate;
import java.util.List;

/**
 * How sections answer: requests per day, hours to first contact (null before any contact) and how many requests
 * were first contacted within each of {@link #CONTACT_LIMITS}, requests overdue now, in all and per section and
 * country (the largest first).
 */
public record JoinFigures(List<DayCount> perDay, Double medianHoursToContact, Double p90HoursToContact, long overdue,
                          List<Long> contactedWithin, List<Tally> overdueBySection, List<Tally> overdueByCountry) {

    /**
     * The upper limits, in hours, of the ranges of time to first contact: under 1 hour, 1 to 6, 6 to 24, one to
     * three days, three to seven; {@link #contactedWithin} has one more count, for longer than a week.
     */
    public static final List<Integer> CONTACT_LIMITS = List.of(1, 6, 24, 72, 168);

    public record DayCount(LocalDate day, long requests) {
    }

    /** A count for one section (its id) or country (its ISO code). */
    public record Tally(String key, long count) {
    }

    /** How many of the sorted hours fall in each range of {@link #CONTACT_LIMITS}, and beyond the last. */
    static List<Long> histogram(List<Double> hours) {
        long[] counts = new long[CONTACT_LIMITS.size() + 1];
        for (double h : hours) {
            int range = 0;
            while (range < CONTACT_LIMITS.size() && h >= CONTACT_LIMITS.get(range)) {
                range++;
            }
            counts[range]++;
        }
        return java.util.Arrays.stream(counts).boxed().toList();
    }
}
