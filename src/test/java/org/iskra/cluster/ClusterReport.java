package org.iskra.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code bench/cluster.sh} reports, from the load's request log, the script's events ({@code events.tsv}:
 * epoch milliseconds and a name: {@code kill}, {@code restarted}, {@code rolling-start} …) and the database.
 * Exits 1 when a join request was lost or stored twice, or the rolling restart failed a request.
 */
final class ClusterReport {

    private ClusterReport() {
    }

    record Line(long at, String kind, int status, String node, String detail) {
        /** A request through the load balancer that failed; the benchmark's own probes of one node are not. */
        boolean failed() {
            return !probe() && (status == -1 || status >= 500);
        }

        boolean probe() {
            return kind.endsWith("-visible");
        }
    }

    static int run(Map<String, String> options, Path out) throws Exception {
        Map<String, Long> events = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("events.tsv"))) {
            String[] parts = line.split("\t");
            events.putIfAbsent(parts[1], Long.parseLong(parts[0]));
        }
        boolean ok = true;
        try (Connection db = DriverManager.getConnection(options.get("jdbc"), options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            for (String phase : List.of("failover", "rolling")) {
                if (!Files.exists(out.resolve(phase + "-requests.tsv"))) {
                    continue;
                }
                List<Line> lines = lines(out.resolve(phase + "-requests.tsv"));
                System.out.println();
                System.out.println("=== " + phase + " ===");
                System.out.println("requests by kind and status: " + counts(lines));
                ok &= joins(db, out, phase);
                if (phase.equals("failover")) {
                    failover(lines, events, db);
                } else {
                    long failed = lines.stream().filter(Line::failed).count();
                    System.out.printf("rolling restart of both nodes under load: %d failed requests of %,d (target 0)%n",
                            failed, lines.size());
                    lines.stream().filter(Line::failed).limit(10).forEach(l -> System.out.println("  failed: " + l));
                    ok &= failed == 0;
                }
            }
        }
        return ok ? 0 : 1;
    }

    private static void failover(List<Line> lines, Map<String, Long> events, Connection db) throws Exception {
        long kill = events.get("kill");
        long restarted = events.getOrDefault("restarted", Long.MAX_VALUE);
        List<Line> readerErrors = lines.stream().filter(l -> l.kind().equals("read") && l.failed()).toList();
        long readsAfterKill = lines.stream().filter(l -> l.kind().equals("read") && l.at() >= kill && l.at() < restarted).count();
        if (readerErrors.isEmpty()) {
            System.out.printf("readers: 0 errors in %,d reads between the SIGKILL and the restart%n", readsAfterKill);
        } else {
            long first = readerErrors.get(0).at();
            long last = readerErrors.get(readerErrors.size() - 1).at();
            System.out.printf("readers: %d errors (of %,d reads after the SIGKILL), from %.2f s to %.2f s after it: %.2f s%n",
                    readerErrors.size(), readsAfterKill, (first - kill) / 1000.0, (last - kill) / 1000.0, (last - first) / 1000.0);
        }
        List<Line> staff = lines.stream().filter(l -> l.kind().startsWith("staff")).toList();
        long staffAfter = staff.stream().filter(l -> l.at() >= kill && !l.failed()).count();
        long staffFailed = staff.stream().filter(l -> l.at() >= kill && l.failed()).count();
        long lost = staff.stream().filter(l -> l.kind().equals("staff-session-lost")).count();
        Map<String, Long> byNode = new TreeMap<>();
        staff.stream().filter(l -> l.at() >= kill && !l.failed()).forEach(l -> byNode.merge(l.node(), 1L, Long::sum));
        System.out.printf("staff session: %d requests answered after the SIGKILL (by node: %s), %d failed, logged out %d times%n",
                staffAfter, byNode, staffFailed, lost);
        List<Long> delays = new ArrayList<>();
        for (Line l : lines) {
            String[] parts = l.detail().split(" ");
            // seen on the node that did not take the publish
            if (l.kind().equals("publish-visible") && l.status() == 200 && !parts[0].equals(l.node())) {
                delays.add(Long.parseLong(parts[parts.length - 1]));
            }
        }
        delays.sort(null);
        if (!delays.isEmpty()) {
            System.out.printf("a publish seen on the other node: %d publishes, median %.2f s, 90th percentile %.2f s,"
                            + " max %.2f s (target 2 s)%n", delays.size(), delays.get(delays.size() / 2) / 1000.0,
                    delays.get((int) Math.min(delays.size() - 1, Math.ceil(delays.size() * 0.9) - 1)) / 1000.0,
                    delays.get(delays.size() - 1) / 1000.0);
        }
        // due at a set time, or when the schedule was accepted if that was later (a slow machine)
        long due = events.getOrDefault("scheduled-due", kill);
        for (Line l : lines) {
            if (l.kind().equals("schedule") && l.status() == 303) {
                due = Math.max(due, l.at());
            }
        }
        long dueAt = due;
        lines.stream().filter(l -> l.kind().equals("scheduled-visible")).forEach(l -> System.out.printf(
                "scheduled publishing taken over by the surviving node: an article due %.1f s after the SIGKILL was"
                        + " published and visible %s after it was due (publish interval 5 s)%n", (dueAt - kill) / 1000.0,
                l.status() == 200 ? String.format("%.2f s", (l.at() - dueAt) / 1000.0) : "never"));
        try (PreparedStatement jobs = db.prepareStatement("select name, locked_by, locked_at from job_lock order by name");
             ResultSet rows = jobs.executeQuery()) {
            while (rows.next()) {
                long lockedAt = rows.getTimestamp("locked_at").getTime();
                System.out.printf("job %s last taken by %s, %.1f s after the SIGKILL%n", rows.getString("name"),
                        rows.getString("locked_by"), (lockedAt - kill) / 1000.0);
            }
        }
    }

    /** Every acknowledged join request is stored once; those sent but not acknowledged are counted apart. */
    private static boolean joins(Connection db, Path out, String phase) throws Exception {
        Set<String> sent = new HashSet<>(Files.readAllLines(out.resolve(phase + "-join-sent.txt")));
        Set<String> acknowledged = new HashSet<>(Files.readAllLines(out.resolve(phase + "-join-acknowledged.txt")));
        Map<String, Integer> stored = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement("select form_token, count(*) from join_request group by form_token");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getInt(2));
            }
        }
        long lost = acknowledged.stream().filter(t -> !stored.containsKey(t)).count();
        long twice = sent.stream().filter(t -> stored.getOrDefault(t, 0) > 1).count();
        long unanswered = sent.stream().filter(t -> !acknowledged.contains(t) && stored.containsKey(t)).count();
        long notStored = sent.stream().filter(t -> !acknowledged.contains(t) && !stored.containsKey(t)).count();
        System.out.printf("join requests: %,d acknowledged, all stored: %s (lost %d, stored twice %d); of %d sent but"
                        + " never acknowledged, %d stored, %d not%n", acknowledged.size(), lost == 0 ? "yes" : "NO", lost,
                twice, sent.size() - acknowledged.size(), unanswered, notStored);
        return lost == 0 && twice == 0;
    }

    private static Map<String, Integer> counts(List<Line> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        lines.forEach(l -> counts.merge(l.kind() + " " + l.status(), 1, Integer::sum));
        return counts;
    }

    private static List<Line> lines(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file)) {
            String[] p = text.split("\t", -1);
            lines.add(new Line(Long.parseLong(p[0]), p[1], Integer.parseInt(p[2]), p[3], p[4]));
        }
        lines.sort((a, b) -> Long.compare(a.at(), b.at()));
        return lines;
    }
}
