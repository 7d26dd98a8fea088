#!/usr/bin/env bash
# The newsletter benchmark (issue 18): one digest to 100 000 subscribers in 5 languages, sent to Postfix's smtp-sink
# (Debian's postfix package, installed here when missing) on a local port. Each run stores the subscribers in a
# fresh data folder (org.iskra.newsletter.SubscriberCorpus, test sources: sealed and hashed as the form stores them,
# one article per language published through the editorial workflow, every digest due), starts one node with its
# default JVM settings (bin/iskra) and no rate limit, and prints:
#   - time to queue: the node's own log line for each language's digest (the copies' rows written, nothing sealed);
#   - messages/s delivered: copies the mail server accepted (iskra_mail_bulk_sent_total) from the first to the last;
#   - the node's peak resident memory (VmHWM) and the load average.
# Targets: queued in under 10 s, at least 300 messages/s delivered by one node; with --rate=N (ISKRA_NEWSLETTER_RATE),
# N messages/s and no more.
#
# Usage: bench/newsletter.sh [--runs=3] [--subscribers=100000] [--languages=en,ru,es,fr,ar] [--rate=300]
# Settings: JAVA_OPTS (the node's JVM, default bin/iskra's), SMTP_PORT (19625), ISKRA_PORT (19680), MANAGEMENT_PORT (19681), BUILD=0 uses the
# jar already built, MVN_ARGS (e.g. -o); --rate=N sets ISKRA_NEWSLETTER_RATE (unset: no limit)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
subscribers=100000
languages=en,ru,es,fr,ar
for arg in "$@"; do
  case "$arg" in
    --runs=*) runs=${arg#*=} ;;
    --subscribers=*) subscribers=${arg#*=} ;;
    --languages=*) languages=${arg#*=} ;;
    --rate=*) export ISKRA_NEWSLETTER_RATE=${arg#*=} ;;
    *) echo "usage: bench/newsletter.sh [--runs=3] [--subscribers=100000] [--languages=en,ru,es,fr,ar] [--rate=300]"; exit 2 ;;
  esac
done
SMTP_PORT=${SMTP_PORT:-19625}
ISKRA_PORT=${ISKRA_PORT:-19680}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19681}  # metrics answer there only (ISKRA_MANAGEMENT_PORT)
MVN_ARGS=${MVN_ARGS:-}

if ! command -v smtp-sink >/dev/null && [ ! -x /usr/sbin/smtp-sink ]; then
  echo "smtp-sink missing: installing Debian's postfix"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi
sink=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)

if [ "${BUILD:-1}" = 1 ]; then
  # shellcheck disable=SC2086
  mvn -q $MVN_ARGS -DskipTests package
fi
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

work=$(mktemp -d /tmp/iskra-newsletter-bench.XXXXXX)
iskra_pid=""
sink_pid=""
cleanup() {
  [ -n "$iskra_pid" ] && kill "$iskra_pid" 2>/dev/null || true
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
  cp "$work"/node-*.log target/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sent_total() {
  curl -s "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" \
    | awk '/^iskra_mail_bulk_sent_total/ { sum += $2 } END { printf "%d\n", sum }' || echo 0
}

queue_times=()
rates=()
rss=()
for run in $(seq 1 "$runs"); do
  data="$work/data-$run"
  echo "=== run $run of $runs: $subscribers subscribers in $languages, rate ${ISKRA_NEWSLETTER_RATE:-unlimited} (load: $(cut -d' ' -f1-3 /proc/loadavg)) ==="
  java -cp "$classpath" org.iskra.newsletter.SubscriberCorpus "$subscribers" "$languages" --iskra.data="$data" \
    | sed 's/^/  /'
  "$sink" -u nobody 127.0.0.1:"$SMTP_PORT" 1000 &
  sink_pid=$!
  ISKRA_DATA="$data" ISKRA_PORT="$ISKRA_PORT" ISKRA_MANAGEMENT_PORT="$MANAGEMENT_PORT" ISKRA_DEMO=false ISKRA_SMTP_HOST=127.0.0.1 ISKRA_SMTP_PORT="$SMTP_PORT" \
    ISKRA_NEWSLETTER_DIGEST_CHECK=2s ISKRA_MAIL_POLL_INTERVAL=500ms \
    bin/iskra > "$work/node-$run.log" 2>&1 &
  iskra_pid=$!
  # a node starts in 20 s on a quiet machine, in minutes on a loaded one
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$ISKRA_PORT/readyz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  first_at=""
  last=0
  deadline=$(( $(date +%s) + 1800 ))
  while :; do
    now=$(date +%s.%N)
    sent=$(sent_total)
    if [ -z "$first_at" ] && [ "$sent" -gt 0 ]; then first_at=$now; first_sent=$sent; fi
    if [ "$sent" -ne "$last" ]; then last_at=$now; last=$sent; fi
    [ "$sent" -ge "$subscribers" ] && break
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "  gave up waiting: $sent of $subscribers delivered"; break; fi
    sleep 0.25
  done
  queued_ms=$(grep -o 'queued for [0-9]* recipients in [0-9]* ms' "$work/node-$run.log" | awk '{ s += $6; n += $3 } END { print s }')
  recipients=$(grep -o 'queued for [0-9]* recipients' "$work/node-$run.log" | awk '{ n += $3 } END { print n }')
  grep -o 'Newsletter digest [0-9]* ([a-z]*) queued for [0-9]* recipients in [0-9]* ms' "$work/node-$run.log" | sed 's/^/  /'
  rate=$(awk -v a="$first_at" -v b="$last_at" -v s="$last" -v f="$first_sent" 'BEGIN { printf "%.0f", (s - f) / (b - a) }')
  # bin/iskra execs java: the node's pid is the JVM's
  peak=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$iskra_pid/status")
  echo "  queued: $recipients copies in $queued_ms ms; delivered: $last copies, $rate messages/s; peak RSS ${peak} MB; load $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -E "ERROR|Exception" "$work/node-$run.log" | head -5 | sed 's/^/  ! /' || true
  queue_times+=("$queued_ms")
  rates+=("$rate")
  rss+=("$peak")
  kill "$iskra_pid"; wait "$iskra_pid" 2>/dev/null || true; iskra_pid=""
  kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true; sink_pid=""
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "=== medians of $runs runs: queued in $(median "${queue_times[@]}") ms, $(median "${rates[@]}") messages/s delivered, peak RSS $(median "${rss[@]}") MB (targets: < 10 000 ms, >= 300 messages/s${ISKRA_NEWSLETTER_RATE:+, $ISKRA_NEWSLETTER_RATE messages/s asked}) ==="
