#!/usr/bin/env bash
# Start-up time of the server: `./gmbot server` launched -> first answer of GET /health (any
# status), in webhook mode against the Bot API stub, on an already migrated database.
#
#   gmbot-app-micronaut/bench/startup.sh            # 7 runs on every core, H2 file database
#   RUNS=9 CORES=0 gmbot-app-micronaut/bench/startup.sh
#   BACKEND=pg gmbot-app-micronaut/bench/startup.sh # PostgreSQL + Redis (see below)
#
# Environment: RUNS (7), CORES (a taskset list such as 0 or 0,1; default: no pinning), BACKEND
# (h2 | pg; pg uses PG_URL, default the local test database, in its own schema, and REDIS_URL,
# default redis://127.0.0.1:6379), GMBOT_JAVA_OPTS (passed to the launcher), LAUNCHER (./gmbot).
# Prints every run and the median, in milliseconds. Needs curl; the stub needs only the JDK.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
runs=${RUNS:-7}
launcher=${LAUNCHER:-./gmbot}
pin=()
[ -n "${CORES:-}" ] && pin=(taskset -c "$CORES")
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d)
stub_port=18081
bot_port=18090
for port in $stub_port $bot_port; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is in use (a stub or server of an earlier run?): stop it first" >&2
    exit 2
  fi
done

"$java" gmbot-app-micronaut/bench/BotApiStub.java $stub_port >"$work/stub.log" 2>&1 &
stub=$!
cleanup() {
  kill "$stub" 2>/dev/null || true
  [ "${BACKEND:-h2}" = pg ] && psql -q -h 127.0.0.1 -U postgres -d test \
    -c "drop schema if exists gmbot_startup cascade" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$stub_port/calls" && break; sleep 0.1; done

export BOT_TOKEN=7000000001:AAstubTOKENforSTARTUPxyz ENVIRONMENT=production \
  WEBHOOK_URL=http://127.0.0.1:$bot_port WEBHOOK_SECRET=secret PORT=$bot_port \
  TELEGRAM_API_URL=http://127.0.0.1:$stub_port
if [ "${BACKEND:-h2}" = pg ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "drop schema if exists gmbot_startup cascade; create schema gmbot_startup" >/dev/null
  export DATABASE_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}&currentSchema=gmbot_startup" \
    REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379} GMBOT_REDIS_KEY_PREFIX="gmstartup$$:"
else
  export DATABASE_URL="jdbc:h2:file:$work/gmbot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
fi

once() {
  local t0 t1 pid
  t0=$(date +%s%N)
  "${pin[@]}" "$launcher" server >"$work/server.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$bot_port/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server stopped; its log:" >&2
      cat "$work/server.log" >&2
      exit 1
    fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo $(((t1 - t0) / 1000000))
}

once >/dev/null # migrates the database (and builds the jar or the AOT cache when missing)
results=()
for i in $(seq 1 "$runs"); do
  ms=$(once)
  results+=("$ms")
  echo "run $i: $ms ms"
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %d ms (min %d, max %d)\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
