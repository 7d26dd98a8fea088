package org.iskra.search;

import java.util.List;

/**
 * One page of results (1-based), how many there are in all (exactly, or at least {@code total} when not
 * {@code totalExact}), and a corrected query when nothing was found.
 */
public record SearchResults(long total, boolean totalExact, int page, int pageSize, List<SearchHit> hits,
                            String suggestion) {

    static SearchResults none(int page, int pageSize) {
        return new SearchResults(0, true, page, pageSize, List.of(), null);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** The number of the first hit on this page, for {@code <ol start>}. */
    public long firstNumber() {
        return (long) (page - 1) * pageSize + 1;
    }
}
