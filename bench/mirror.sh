#!/usr/bin/env bash
# The mirror benchmark (issue 16): 10 000 articles, each in English and Russian (20 000 translations of the search
# benchmark's made-up text, stored as bench/search.sh stores them: DatabaseCorpus, test sources), in a fresh H2
# data folder; then `bin/iskra mirror DIR` (a node's default JVM settings) three times each:
#   cold         into an empty folder;
#   unchanged    again into the same folder, nothing changed (must write nothing);
#   one publish  after one new article is published through the editor's path (MirrorBenchPublish, test sources).
# Reports the command's own figures (its summary line: pages, files written/unchanged/removed, ms and ms per page,
# JVM and Spring start excluded), the whole command's time and its peak resident memory (GNU time's maximum RSS),
# each run and the medians, with the load average.
# Anchor: Hugo 0.111 builds 10 000 pages at 2.55 ms per page with 3.4 GB. Targets on the project's 2-core machine:
# at most 1.0 ms per page and 512 MB, and an incremental run after one publish in under 2 s.
#
# Usage: bench/mirror.sh [RUNS=3] [ARTICLES=10000]
# Settings: MIRROR_JAVA_OPTS (the mirror command's JVM settings; default -Xmx256m with the rest of bin/iskra's: a
# node's 64 MB heap holds its live set and H2's page cache with little to spare, and a run over 20 000 translations
# then spends its time collecting), MVN_ARGS (e.g. -o)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
articles=${2:-10000}
MVN_ARGS=${MVN_ARGS:-}
MIRROR_JAVA_OPTS=${MIRROR_JAVA_OPTS:--Xmx256m -Xmn32m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=40m -XX:MaxDirectMemorySize=32m}

# shellcheck disable=SC2086
mvn -q $MVN_ARGS -DskipTests package
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

work=$(mktemp -d /tmp/iskra-mirror-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
data="$work/data"
java -Xmx1g -cp "$classpath" org.iskra.search.DatabaseCorpus $((articles * 2)) --languages=en,ru \
  --iskra.data="$data" --iskra.languages=en,ru 2>&1 | grep -E "stored in|Exception" | tail -n 2

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# one mirror run into $1; prints "ms-per-page run-ms whole-seconds rss-mb" and the summary line on stderr
run_one() {
  local dir=$1
  JAVA_OPTS="$MIRROR_JAVA_OPTS" /usr/bin/time -f "%e %M" -o "$work/time" bin/iskra mirror "$dir" --iskra.data="$data" --iskra.languages=en,ru \
    >"$work/out" 2>"$work/err" || true
  local summary seconds rss per ms
  summary=$(grep "^Mirror in" "$work/out" || true)
  if [ -z "$summary" ]; then echo "  (the mirror run failed: $(head -c 400 "$work/out" "$work/err"))" >&2; echo "0 0 0 0"; return; fi
  read -r seconds rss < "$work/time"
  per=$(echo "$summary" | grep -oE '[0-9.]+ ms per page' | grep -oE '^[0-9.]+')
  ms=$(echo "$summary" | grep -oE '; [0-9]+ ms' | grep -oE '[0-9]+')
  echo "  $(echo "$summary" | sed -E 's/^Mirror in [^:]*: //; s/ Signed by.*//')" >&2
  echo "$per $ms $seconds $((rss / 1024))"
}

report() { # kind
  local file="$work/$1.results"
  echo "  median $1: $(cut -d' ' -f1 "$file" | median) ms per page, $(cut -d' ' -f2 "$file" | median) ms for the run," \
    "$(cut -d' ' -f3 "$file" | median) s for the whole command, peak RSS $(cut -d' ' -f4 "$file" | median) MB"
}

: > "$work/cold.results"; : > "$work/unchanged.results"; : > "$work/publish.results"
for i in $(seq 1 "$runs"); do
  echo "=== round $i ==="
  rm -rf "$work/mirror"
  for kind in cold unchanged publish; do
    if [ "$kind" = publish ]; then
      java -cp "$classpath" org.iskra.mirror.MirrorBenchPublish --iskra.data="$data" --iskra.languages=en,ru \
        2>/dev/null | grep -v "^$" | sed 's/^/  /'
    fi
    result=$(run_one "$work/mirror")
    read -r per ms seconds rss <<< "$result"
    echo "  $kind: $per ms per page, $ms ms, $seconds s for the whole command, peak RSS $rss MB; load average$(uptime | sed 's/.*load average//')"
    echo "$result" >> "$work/$kind.results"
  done
done
echo "=== medians of $runs rounds ($articles articles in en and ru) ==="
report cold; report unchanged; report publish
echo "  mirror size: $(du -sh "$work/mirror" | cut -f1), $(find "$work/mirror" -type f | wc -l) files"
