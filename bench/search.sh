#!/usr/bin/env bash
# The search benchmark (issue 8). Two parts:
#  1. org.iskra.search.SearchBenchmark (test sources): generates 100 000 translations in 10 languages of our own
#     made-up text, indexes them straight through the application's SearchIndex class (same documents, analyzers
#     and commit; the database is bypassed), reports time and size, then runs a query mix from 8 threads at once
#     and reports p50/p99 latency and queries per second.
#  2. `java -jar target/iskra.jar reindex` against a data folder holding the demo content: a full rebuild from
#     the database, as an administrator runs it.
# Targets: p99 <= 20 ms, full reindex <= 120 s, on the project's 2-core machine.
#
# Usage: bench/search.sh [--translations=100000] [--index-threads=2] [--threads=8] [--seconds=30] [--warmup=10]
# Settings: JAVA_OPTS (heap for part 1), MVN_ARGS (e.g. -o to stay offline), ISKRA_PORT (18082)
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}
MVN_ARGS=${MVN_ARGS:-}
ISKRA_PORT=${ISKRA_PORT:-18082}

# shellcheck disable=SC2086
mvn -q $MVN_ARGS -DskipTests package
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

echo "=== 1. index and query a generated corpus (java $JAVA_OPTS) ==="
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.iskra.search.SearchBenchmark "$@"

echo
echo "=== 2. java -jar target/iskra.jar reindex, from the database (demo content, H2) ==="
work=$(mktemp -d /tmp/iskra-search-bench.XXXXXX)
iskra_pid=""
cleanup() {
  [ -n "$iskra_pid" ] && kill "$iskra_pid" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
ISKRA_DATA="$work/data" ISKRA_PORT=$ISKRA_PORT java -jar target/iskra.jar >"$work/iskra.log" 2>&1 &
iskra_pid=$!
for _ in $(seq 1 120); do
  grep -q "Search index rebuilt" "$work/iskra.log" 2>/dev/null && curl -sf "http://127.0.0.1:$ISKRA_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
grep "Search index" "$work/iskra.log" | sed 's/^.*SearchIndexer *: /  first start: /'
kill "$iskra_pid"
wait "$iskra_pid" 2>/dev/null || true
iskra_pid=""
started=$(date +%s.%N)
java -jar target/iskra.jar reindex --iskra.data="$work/data" 2>&1 | sed 's/^.*SearchIndexer *: /  /'
finished=$(date +%s.%N)
awk -v a="$started" -v b="$finished" 'BEGIN {printf "  the whole command, JVM and Spring start included: %.1f s\n", b - a}'
