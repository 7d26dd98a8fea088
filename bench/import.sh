#!/usr/bin/env bash
# The import benchmark (issue 13): imports a generated WordPress export of 10 000 posts in 3 languages (Polylang
# groups, block markup, a [caption] image every 50th post from a local uploads folder) and a generated Hugo site of
# 10 000 files (3 languages, a content folder each, shortcodes, aliases) into a fresh H2 data folder each, through
# bin/iskra (its JVM settings for the import command) as an administrator runs `import`. Reports files per second (as the
# command's own progress line measures it, JVM and Spring start excluded), the whole command's time and its peak
# resident memory (GNU time's maximum RSS), for each run and as medians, with the load average.
# Targets: at least 500 files/s and at most 512 MB, on the project's 2-core machine.
#
# Usage: bench/import.sh [RUNS=3] [POSTS=10000] [FILES=10000]
# Settings: JAVA_OPTS (the node's JVM settings, bin/iskra's defaults otherwise), MVN_ARGS (e.g. -o)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
posts=${2:-10000}
files=${3:-10000}
MVN_ARGS=${MVN_ARGS:-}

# shellcheck disable=SC2086
mvn -q $MVN_ARGS -DskipTests package
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

work=$(mktemp -d /tmp/iskra-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.iskra.importing.ImportBenchmarkData \
  "$work/input" "$posts" "$files"
echo "export: $(du -h "$work/input/export.xml" | cut -f1), Hugo site: $(du -sh "$work/input/hugo-site" | cut -f1)"

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

run_one() { # kind source [options…]
  local kind=$1 source=$2; shift 2
  local data="$work/data-$kind-$RANDOM"
  local log="$work/$kind.log"
  /usr/bin/time -f "%e %M" -o "$work/time" bin/iskra import "$source" "$@" --iskra.data="$data" >"$log" 2>"$log.err" || true
  local rate seconds rss
  rate=$(grep -oE '\(([0-9]+) files/s\)' "$log.err" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  read -r seconds rss < "$work/time"
  echo "$rate $seconds $((rss / 1024))"
  if ! grep -q "^Import finished" "$log"; then echo "  (the import did not finish: $(head -c 300 "$log" "$log.err"))" >&2; fi
  rm -rf "$data"
}

for kind in wordpress hugo; do
  echo "=== $kind: $runs runs ==="
  : > "$work/$kind.results"
  for i in $(seq 1 "$runs"); do
    if [ "$kind" = wordpress ]; then
      result=$(run_one wordpress "$work/input/export.xml" --uploads "$work/input/uploads")
    else
      result=$(run_one hugo "$work/input/hugo-site")
    fi
    read -r rate seconds rss <<< "$result"
    echo "  run $i: $rate files/s, $seconds s for the whole command, peak RSS $rss MB; load average$(uptime | sed 's/.*load average//')"
    echo "$result" >> "$work/$kind.results"
  done
  echo "  median: $(cut -d' ' -f1 "$work/$kind.results" | median) files/s, $(cut -d' ' -f2 "$work/$kind.results" | median) s, peak RSS $(cut -d' ' -f3 "$work/$kind.results" | median) MB"
  grep -E "^  (articles|translations|images|redirects):" "$work/$kind.log" | sed 's/^/  last run: /'
done
