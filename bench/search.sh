#!/usr/bin/env bash
# The search benchmark (issue 8). Two parts:
#  1. org.iskra.search.SearchBenchmark (test sources): generates 100 000 translations in 10 languages of our own
#     made-up text, indexes them straight through the application's SearchIndex class (same documents, analyzers
#     and commit; the database is bypassed), reports time and size, then runs a query mix from 8 threads at once
#     and reports p50/p99 latency and queries per second.
#  2. stores the same number of translations as published articles in a fresh H2 database (DatabaseCorpus, test
#     sources), then times `java -jar target/iskra.jar reindex` on it: a full rebuild from the database, as an
#     administrator runs it.
# Targets: p99 <= 20 ms, full reindex <= 120 s, on the project's 2-core machine.
#
# Usage: bench/search.sh [--translations=100000] [--index-threads=2] [--threads=8] [--seconds=30] [--warmup=10]
# Settings: JAVA_OPTS (heap for part 1 and for filling the database), MVN_ARGS (e.g. -o to stay offline)
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}
MVN_ARGS=${MVN_ARGS:-}

# shellcheck disable=SC2086
mvn -q $MVN_ARGS -DskipTests package
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

echo "=== 1. index and query a generated corpus (java $JAVA_OPTS) ==="
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.iskra.search.SearchBenchmark "$@"

echo
translations=100000
for arg in "$@"; do
  case "$arg" in --translations=*) translations=${arg#--translations=} ;; esac
done
echo "=== 2. java -jar target/iskra.jar reindex: a full rebuild from the database ($translations translations, H2) ==="
work=$(mktemp -d /tmp/iskra-search-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.iskra.search.DatabaseCorpus \
  "$translations" --iskra.data="$work/data" 2>&1 | grep -E "stored|Exception" | tail -n 3
started=$(date +%s.%N)
java -jar target/iskra.jar reindex --iskra.data="$work/data" 2>&1 | grep -E "Search index|rebuilt|ERROR" | sed -E 's/^.*search\.(SearchIndexer|IndexRebuild) *: /  /'
finished=$(date +%s.%N)
awk -v a="$started" -v b="$finished" 'BEGIN {printf "  the whole command, JVM and Spring start included: %.1f s\n", b - a}'
echo "  index size: $(du -sh "$work/data/search-index" 2>/dev/null | cut -f1)"
