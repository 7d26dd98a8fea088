package org.iskra.organizing;

import java.time.LocalDate;
import java.util.List;

/** How sections answer: requests per day, hours to first contact (null before any contact), requests overdue now. */
public record JoinFigures(List<DayCount> perDay, Double medianHoursToContact, Double p90HoursToContact, long overdue) {

    public record DayCount(LocalDate day, long requests) {
    }
}
