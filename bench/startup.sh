#!/usr/bin/env bash
# How long the README's run command takes to start on an existing data folder: bin/iskra until /actuator/health
# answers UP, five times, the median of five (target 2 s), once for each JDK (the `java` on the PATH, and Temurin 25
# when it is installed under /usr/lib/jvm). Also how long the commands `keys status` and `reindex` take on the same
# folder (they start no web server). The first start after a build also records the class archive (see bin/iskra);
# it is not timed.
#
# Usage: bench/startup.sh    Settings: RUNS (5), ISKRA_PORT (19530), JDKS (space-separated JAVA_HOMEs; "" is the PATH's
# java), BUILD=0 uses the jar already built.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${ISKRA_PORT:-19530}
if [ -z "${JDKS+set}" ]; then
  JDKS="path $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)"
fi
[ "${BUILD:-1}" = 1 ] && mvn -q -DskipTests package

work=$(mktemp -d /tmp/iskra-startup.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

start_once() { # sets pid, and elapsed: milliseconds until UP (not in a subshell: pid must stay visible)
  local started
  started=$(now_ms)
  ISKRA_DATA="$work/data" ISKRA_PORT=$PORT bin/iskra >>"$work/iskra.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "Iskra exited; log: $work/iskra.log" >&2; tail -30 "$work/iskra.log" >&2; exit 1; }
    sleep 0.02
  done
  elapsed=$(( $(now_ms) - started ))
}
stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

for jdk in $JDKS; do
  if [ "$jdk" = path ]; then unset JAVA_HOME; name="java on the PATH"; else export JAVA_HOME=$jdk; name=$jdk; fi
  java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
  echo "=== $name: $("$java_bin" -version 2>&1 | head -1) ==="
  rm -rf "$work/data"
  start_once
  echo "first start (demo content loaded, class archive recorded if missing; not timed): $elapsed ms"
  stop
  times=()
  for i in $(seq 1 "$RUNS"); do
    start_once
    t=$elapsed
    rss=$(ps -o rss= -p "$pid" | tr -d ' ')
    stop
    times+=("$t")
    echo "run $i: $t ms to UP (RSS at UP $((rss / 1024)) MB), $(uptime | sed 's/.*load average/load average/')"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "median of $RUNS: $median ms (target 2000 ms)"
  for command in "keys status" "reindex"; do
    started=$(now_ms)
    # shellcheck disable=SC2086
    ISKRA_DATA="$work/data" bin/iskra $command >"$work/command.log" 2>&1 || { echo "$command failed"; cat "$work/command.log"; }
    echo "bin/iskra $command: $(( $(now_ms) - started )) ms"
  done
done
