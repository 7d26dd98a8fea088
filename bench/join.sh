#!/usr/bin/env bash
# The join benchmark (issue 6): sustained valid join-form submissions, each a distinct applicant, against a running
# node, on H2 and on PostgreSQL. For each database it starts Iskra on a fresh data folder (and, for PostgreSQL, a
# database of its own, dropped afterwards), lets org.iskra.join.JoinBenchmark (test sources) fetch form tokens
# ahead and post them from several threads, prints committed requests per second and the POST's p50/p99, stops the
# node and checks that committed == rows in join_request (nothing lost, nothing stored twice).
# Target: >= 1 000 committed/s on the project's 2-core machine.
#
# The node runs with its normal settings except what one client address sending thousands of forms needs: no
# minimum fill time, high per-address and per-email limits. Mail points at a closed port: the outbox keeps every
# message (the worker's failed attempts are part of the load), so nothing is sent anywhere.
#
# Usage: bench/join.sh [h2|pg|both] [--threads=16] [--seconds=20] [--warmup=5] [--tokens=60000]
# Settings: JAVA_OPTS (the node's JVM), PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres; trust auth),
# ISKRA_PORT (18090), BUILD=0 uses the jar already built, JFR=1 records a CPU profile of the node to target/bench-join-{db}.jfr, MVN_ARGS (e.g. -o)
set -euo pipefail
cd "$(dirname "$0")/.."

databases=${1:-both}
[ $# -gt 0 ] && shift
case "$databases" in h2) databases="h2" ;; pg) databases="pg" ;; both) databases="h2 pg" ;;
  *) echo "usage: bench/join.sh [h2|pg|both] [--threads=16] [--seconds=20] [--warmup=5] [--tokens=60000]"; exit 2 ;; esac
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
ISKRA_PORT=${ISKRA_PORT:-18090}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
MVN_ARGS=${MVN_ARGS:-}

if [ "${BUILD:-1}" = 1 ]; then
  # shellcheck disable=SC2086
  mvn -q $MVN_ARGS -DskipTests package
fi
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
closed_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

work=$(mktemp -d /tmp/iskra-join-bench.XXXXXX)
iskra_pid=""
pg_db=""
cleanup() {
  [ -n "$iskra_pid" ] && kill "$iskra_pid" 2>/dev/null && wait "$iskra_pid" 2>/dev/null || true
  [ -n "$pg_db" ] && psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "drop database if exists $pg_db with (force)" || true
  rm -rf "$work"
}
trap cleanup EXIT

for db in $databases; do
  echo "=== $db ==="
  data="$work/$db/data"
  mkdir -p "$data"
  db_env=()
  if [ "$db" = pg ]; then
    pg_db="iskra_join_bench_$$"
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "create database $pg_db"
    jdbc="jdbc:postgresql://$PG_HOST:$PG_PORT/$pg_db"
    db_env=(ISKRA_DB_URL="$jdbc" ISKRA_DB_USER="$PG_USER" ISKRA_DB_PASSWORD=)
  else
    jdbc="jdbc:h2:file:$data/iskra;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
  fi
  jfr_opts=""
  [ "${JFR:-0}" = 1 ] && jfr_opts="-XX:StartFlightRecording=filename=target/bench-join-$db.jfr,settings=profile"
  echo "starting Iskra ($db, data in $data) with JAVA_OPTS=$JAVA_OPTS $jfr_opts"
  # shellcheck disable=SC2086
  env "${db_env[@]}" ISKRA_DATA="$data" ISKRA_PORT="$ISKRA_PORT" java $JAVA_OPTS $jfr_opts -jar target/iskra.jar \
    --iskra.join.min-fill-time=0s --iskra.join.per-address=100000000 --iskra.join.per-email=100000000 \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$closed_port" >"$work/iskra-$db.log" 2>&1 &
  iskra_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$ISKRA_PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$ISKRA_PORT/actuator/health" >/dev/null || { echo "Iskra did not start"; tail -50 "$work/iskra-$db.log"; exit 1; }

  echo "load before: $(uptime | sed 's/.*load average/load average/')"
  java -Xmx512m -cp "$classpath" org.iskra.join.JoinBenchmark load --url="http://127.0.0.1:$ISKRA_PORT" --out="$work/$db" "$@"
  echo "load after:  $(uptime | sed 's/.*load average/load average/')"

  kill "$iskra_pid"
  wait "$iskra_pid" 2>/dev/null || true
  iskra_pid=""
  grep -E " ERROR " "$work/iskra-$db.log" | grep -v -i "mail" | head -5 || true
  java -cp "$classpath" org.iskra.join.JoinBenchmark verify --out="$work/$db" --jdbc="$jdbc" \
    --user="$([ "$db" = pg ] && echo "$PG_USER" || echo sa)"
  if [ "$db" = pg ]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "drop database $pg_db with (force)"
    pg_db=""
  fi
done
