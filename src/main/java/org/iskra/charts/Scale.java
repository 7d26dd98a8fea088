package org.iskra.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The value axis of a chart of counts: from 0 to a round top in at most four steps of 1, 2 or 5 times a power of
 * ten, so the grid lines fall on numbers a reader can read. With no data the top is 1 (an empty chart still has an
 * axis); one huge day sets the top and the others' columns stay in proportion to it.
 */
public record Scale(long top, long step) {

    static final int MAX_STEPS = 4;

    public static Scale of(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("counts are never negative: " + max);
        }
        long step = 1;
        while (step * MAX_STEPS < max) {
            step = larger(step);
        }
        long steps = Math.max(1, (max + step - 1) / step);
        return new Scale(steps * step, step);
    }

    /** 1 → 2 → 5 → 10 → 20 → 50 … */
    private static long larger(long step) {
        char first = Long.toString(step).charAt(0);
        return first == '2' ? step / 2 * 5 : step * 2;
    }

    /** The values at which grid lines are drawn, from 0 to the top. */
    public List<Long> ticks() {
        List<Long> ticks = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            ticks.add(value);
        }
        return ticks;
    }

    /** How much of the axis's length a value takes, from 0 to 1. */
    public double fraction(long value) {
        return (double) value / top;
    }
}
