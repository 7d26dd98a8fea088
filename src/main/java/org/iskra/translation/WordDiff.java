package org.iskra.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff, so a translator sees which words of the original changed rather than which lines: an
 * edited paragraph of Markdown is one line, and a line diff would only say "this paragraph changed".
 * Whitespace is kept with the word before it, so joining the segments gives back the texts exactly.
 */
public final class WordDiff {

    /** Words in any script, numbers, single punctuation marks, each with the whitespace that follows. */
    private static final Pattern TOKEN = Pattern.compile("(?:[\\p{L}\\p{M}\\p{N}_'’-]+|[^\\p{L}\\p{M}\\p{N}\\s])\\s*|\\s+");
    /** Beyond this many token pairs the quadratic table would be too large: fall back to a whole replacement. */
    private static final long MAX_CELLS = 25_000_000L;

    private WordDiff() {
    }

    public static List<DiffSegment> diff(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<DiffSegment> out = new ArrayList<>();
        append(out, DiffSegment.Kind.SAME, String.join("", a.subList(0, prefix)));
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            append(out, DiffSegment.Kind.REMOVED, String.join("", midA));
            append(out, DiffSegment.Kind.ADDED, String.join("", midB));
        } else {
            longestCommonSubsequence(midA, midB, out);
        }
        append(out, DiffSegment.Kind.SAME, String.join("", a.subList(a.size() - suffix, a.size())));
        return out;
    }

    public static boolean changed(List<DiffSegment> diff) {
        return diff.stream().anyMatch(segment -> segment.kind() != DiffSegment.Kind.SAME);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void longestCommonSubsequence(List<String> a, List<String> b, List<DiffSegment> out) {
        int n = a.size();
        int m = b.size();
        int[][] lengths = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lengths[i][j] = a.get(i).equals(b.get(j)) ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                append(out, DiffSegment.Kind.SAME, a.get(i++));
                j++;
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                append(out, DiffSegment.Kind.REMOVED, a.get(i++));
            } else {
                append(out, DiffSegment.Kind.ADDED, b.get(j++));
            }
        }
        while (i < n) {
            append(out, DiffSegment.Kind.REMOVED, a.get(i++));
        }
        while (j < m) {
            append(out, DiffSegment.Kind.ADDED, b.get(j++));
        }
    }

    /** Adds text to the last segment when it is of the same kind, so runs read as phrases. */
    private static void append(List<DiffSegment> out, DiffSegment.Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            DiffSegment last = out.remove(out.size() - 1);
            out.add(new DiffSegment(kind, last.text() + text));
        } else {
            out.add(new DiffSegment(kind, text));
        }
    }
}
