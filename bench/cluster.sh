#!/usr/bin/env bash
# Two Iskra nodes behind haproxy on a PostgreSQL database of their own, under a mixed load (readers' pages and
# images, join forms, a staff member editing and publishing), first with one node killed (SIGKILL) mid-load and
# started again, then with a rolling restart of both nodes (SIGTERM, start, wait until ready) under load.
# org.iskra.cluster.ClusterBenchmark (test sources) drives the load through haproxy; ClusterReport prints: join
# requests acknowledged and stored (none lost, none twice), readers' errors around the SIGKILL and for how long, the
# staff session carried on by the other node, a publish on one node seen on the other (seconds), the scheduled job
# taken over (seconds), and the rolling restart's failed requests (target 0). Exits 1 when a join request was lost
# or stored twice, or the rolling restart failed a request.
#
# haproxy (Debian's package) is installed when missing. PostgreSQL: a private cluster made with Debian's initdb
# under /tmp, run as the postgres user, on PG_PORT. The nodes run through bin/iskra with its default JVM settings.
#
# Usage: bench/cluster.sh     Settings: LB_PORT (19500), NODE_PORTS ("19521 19522"), PG_PORT (19510),
# BUILD=0 uses the jar already built, MVN_ARGS (e.g. -o), KEEP=1 keeps the work folder (logs) for reading afterwards.
# Timeline: failover load from 0 s, SIGKILL at 20 s, a scheduled article due at 30 s, the killed node started again at
# 45 s, the load stops 15 s after it is back; rolling restart from 10 s of its load, which stops 10 s after both
# nodes are back.
set -euo pipefail
cd "$(dirname "$0")/.."

LB_PORT=${LB_PORT:-19500}
read -r -a NODE_PORTS <<<"${NODE_PORTS:-19521 19522}"
PG_PORT=${PG_PORT:-19510}
MVN_ARGS=${MVN_ARGS:-}
STAFF_EMAIL=staff@example.org
STAFF_PASSWORD="cluster benchmark passphrase"

if ! command -v haproxy >/dev/null 2>&1; then
  echo "installing haproxy"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL's server binaries are missing (apt-get install postgresql)"; exit 1; }

if [ "${BUILD:-1}" = 1 ]; then
  # shellcheck disable=SC2086
  mvn -q $MVN_ARGS -DskipTests package
fi
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
closed_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

work=$(mktemp -d /tmp/iskra-cluster.XXXXXX)
chmod 755 "$work"
declare -A node_pid=()
haproxy_pid=""
cleanup() {
  for n in "${!node_pid[@]}"; do kill -9 "${node_pid[$n]}" 2>/dev/null || true; done
  [ -n "$haproxy_pid" ] && kill "$haproxy_pid" 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
event() { echo "$(now_ms)	$1" >>"$work/events.tsv"; }

echo "PostgreSQL: a private cluster on port $PG_PORT ($PG_BIN)"
mkdir -p "$work/pg"
chown postgres "$work/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-p $PG_PORT -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=60" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "create database iskra"
jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/iskra"

# What each node needs: the same database, the same key file (here one file both read; on two machines, a copy),
# its own data folder (search index, media cache) and port, and the load balancer's forwarded headers.
start_node() { # index -> starts the node, waits until it is ready, prints how long that took
  local i=$1 port=${NODE_PORTS[$1]} started
  started=$(now_ms)
  env ISKRA_DATA="$work/node$i" ISKRA_PORT="$port" ISKRA_DB_URL="$jdbc" ISKRA_DB_USER=postgres ISKRA_DB_PASSWORD= \
    ISKRA_KEY_FILE="$work/keys/personal-data.keys" ISKRA_BASE_URL="http://127.0.0.1:$LB_PORT" \
    ISKRA_FORWARDED_HEADERS=native ISKRA_SHUTDOWN_DRAIN=3s ISKRA_PUBLISH_INTERVAL=5s ISKRA_DB_POOL=8 \
    ISKRA_ADMIN_EMAIL="$STAFF_EMAIL" ISKRA_ADMIN_PASSWORD="$STAFF_PASSWORD" \
    ISKRA_JOIN_MIN_FILL_TIME=0s ISKRA_JOIN_PER_ADDRESS=100000000 ISKRA_JOIN_PER_EMAIL=100000000 \
    ISKRA_SMTP_HOST=127.0.0.1 ISKRA_SMTP_PORT="$closed_port" \
    bin/iskra >>"$work/node$i.log" 2>&1 &
  node_pid[$i]=$!
  for _ in $(seq 1 1800); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "${node_pid[$i]}" 2>/dev/null || { echo "node $i exited at start"; tail -40 "$work/node$i.log"; exit 1; }
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "node $i did not start"; exit 1; }
  echo "node $i ready on port $port after $(( ($(now_ms) - started) )) ms"
}
stop_node() { # index -> SIGTERM, waits for the process to end
  local i=$1 started
  started=$(now_ms)
  kill -TERM "${node_pid[$i]}"
  wait "${node_pid[$i]}" 2>/dev/null || true
  echo "node $i stopped (SIGTERM) after $(( $(now_ms) - started )) ms"
}
wait_in_balancer() { # index -> until haproxy reports the node UP again
  for _ in $(seq 1 100); do
    echo "show stat" | python3 -c "
import socket,sys
s=socket.socket(socket.AF_UNIX); s.connect('$work/haproxy.sock'); s.sendall(b'show stat\n')
data=b''
while True:
    chunk=s.recv(65536)
    if not chunk: break
    data+=chunk
for line in data.decode().splitlines():
    f=line.split(',')
    if len(f)>17 and f[0]=='iskra' and f[1]=='node$1' and f[17]=='UP': sys.exit(0)
sys.exit(1)" && return 0
    sleep 0.2
  done
  echo "haproxy did not see node $1 UP"; return 1
}

# A tested haproxy configuration (the README's Operating → Several nodes shows the same)
cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 2000
    stats socket $work/haproxy.sock mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    option forwardfor
    # a request that found a node gone (refused, reset, no answer) goes to the other one; the join form is safe
    # to send twice (its token stores it once)
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout

frontend site
    bind 127.0.0.1:$LB_PORT
    default_backend iskra

backend iskra
    balance roundrobin
    # readiness: a stopping node answers 503 here first, for ISKRA_SHUTDOWN_DRAIN, while it still serves
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    # a node busy enough to answer a check slowly is still up: give the check time, mark down after three misses
    timeout check 2s
    default-server inter 500ms fall 3 rise 2
    http-response set-header X-Served-By %[srv_name]
    server node1 127.0.0.1:${NODE_PORTS[0]} check
    server node2 127.0.0.1:${NODE_PORTS[1]} check
CFG
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!

echo "load before: $(uptime | sed 's/.*load average/load average/')"
start_node 0   # the first node migrates the database, creates the key file, the staff account and the demo content
start_node 1
wait_in_balancer 1 && wait_in_balancer 2

echo
echo "=== failover: load, node 1 killed (SIGKILL) at 20 s, started again at 45 s ==="
java -Xmx256m -cp "$classpath" org.iskra.cluster.ClusterBenchmark load --phase=failover --url="http://127.0.0.1:$LB_PORT" \
  --nodes="http://127.0.0.1:${NODE_PORTS[0]},http://127.0.0.1:${NODE_PORTS[1]}" --seconds=900 --stop-file="$work/stop-failover" \
  --schedule-at-second=30 --email="$STAFF_EMAIL" --password="$STAFF_PASSWORD" --out="$work" &
load_pid=$!
load_started=$(now_ms)
sleep 20
kill -9 "${node_pid[0]}"
event kill
echo "node 1 killed (SIGKILL)"
echo "$((load_started + 30000))	scheduled-due" >>"$work/events.tsv"
sleep 25
start_node 0
event restarted
sleep 15
touch "$work/stop-failover"
wait "$load_pid"

echo
echo "=== rolling restart under load: each node in turn stopped (SIGTERM), started, back in the balancer ==="
wait_in_balancer 1
java -Xmx256m -cp "$classpath" org.iskra.cluster.ClusterBenchmark load --phase=rolling --url="http://127.0.0.1:$LB_PORT" \
  --nodes="http://127.0.0.1:${NODE_PORTS[0]},http://127.0.0.1:${NODE_PORTS[1]}" --seconds=900 --stop-file="$work/stop-rolling" \
  --email="$STAFF_EMAIL" --password="$STAFF_PASSWORD" --out="$work" &
load_pid=$!
sleep 10
event rolling-start
for i in 0 1; do
  stop_node "$i"
  start_node "$i"
  wait_in_balancer $((i + 1))
  sleep 5
done
event rolling-end
sleep 10
touch "$work/stop-rolling"
wait "$load_pid"
echo "load after: $(uptime | sed 's/.*load average/load average/')"

grep -h -E " ERROR " "$work"/node*.log | grep -v -i "mail" | head -5 || true
java -cp "$classpath" org.iskra.cluster.ClusterBenchmark report --out="$work" --jdbc="$jdbc" --user=postgres
