#!/usr/bin/env bash
# Steady-state webhook load of the server: messages from users who are already verified (every
# membership answer cached), 32 connections. The server runs on core 0 (one core, as a small
# container would give it); the Bot API stub and wrk share core 1.
#
#   gmbot-app-micronaut/bench/cache-hit.sh              # H2 + in-process state
#   BACKEND=pg gmbot-app-micronaut/bench/cache-hit.sh   # PostgreSQL + Redis
#
# Environment: NMT (1: print the native memory summary; add -XX:NativeMemoryTracking=summary),
# BACKEND (h2 | pg), USERS (2000), GROUP_COUNT (1 protected group; group i is -1001 - i),
# WARM (20 s: 8 connections, every user verified once), DUR (15 s), CONNECTIONS (32),
# BOT_CORES (0), LOAD_CORES (1), LAUNCHER (./gmbot; "jar" runs java -jar without the launcher's
# settings), JAR (with LAUNCHER=jar: the jar to run; gmbot-app-micronaut/target/gmbot-server.jar),
# GMBOT_JAVA_OPTS / JAVA_OPTS (extra JVM options), PG_URL, REDIS_URL, KEEP (keep the
# work directory with the server log). Needs wrk and curl; the stub needs only the JDK.
#
# Prints wrk's latency distribution and requests/s, the Bot API calls the stub received (none
# should be added by the measured phase), with PostgreSQL + Redis the Redis commands of the
# measured phase (from Redis's own counters), and the server's RSS at the end and its peak (VmHWM).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bench=gmbot-app-micronaut/bench
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
users=${USERS:-2000}
groups=${GROUP_COUNT:-1}
stub_port=18181
bot_port=18190
for port in $stub_port $bot_port; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is in use (a stub or server of an earlier run?): stop it first" >&2
    exit 2
  fi
done
work=$(mktemp -d)
bot=""

taskset -c "${LOAD_CORES:-1}" "$java" $bench/BotApiStub.java $stub_port >"$work/stub.log" 2>&1 &
stub=$!
cleanup() {
  # Neither may end the trap early (set -e): wait returns the killed bot's status.
  if [ -n "$bot" ]; then kill "$bot" 2>/dev/null || true; wait "$bot" 2>/dev/null || true; fi
  kill "$stub" 2>/dev/null || true
  if [ "${BACKEND:-h2}" = pg ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "drop schema if exists gmbot_cachehit cascade" >/dev/null 2>&1 || true
    redis-cli --scan --pattern "gmcachehit$$:*" 2>/dev/null | xargs -r redis-cli del >/dev/null 2>&1 || true
  fi
  if [ -n "${KEEP:-}" ]; then echo "work directory: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$stub_port/calls" && break; sleep 0.1; done

export BOT_TOKEN=7000000001:AAstubTOKENforLOADxyz ENVIRONMENT=production \
  WEBHOOK_URL=http://127.0.0.1:$bot_port WEBHOOK_SECRET=secret PORT=$bot_port \
  TELEGRAM_API_URL=http://127.0.0.1:$stub_port
if [ "${BACKEND:-h2}" = pg ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "drop schema if exists gmbot_cachehit cascade; create schema gmbot_cachehit" >/dev/null
  export DATABASE_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}&currentSchema=gmbot_cachehit" \
    REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379} GMBOT_REDIS_KEY_PREFIX="gmcachehit$$:"
else
  export DATABASE_URL="jdbc:h2:file:$work/gmbot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
fi
if [ "${LAUNCHER:-./gmbot}" = jar ]; then
  taskset -c "${BOT_CORES:-0}" "$java" ${JAVA_OPTS:-} -jar "${JAR:-gmbot-app-micronaut/target/gmbot-server.jar}" server >"$work/bot.log" 2>&1 &
else
  GMBOT_JAVA_OPTS="${GMBOT_JAVA_OPTS:-} ${JAVA_OPTS:-}" taskset -c "${BOT_CORES:-0}" ${LAUNCHER:-./gmbot} server >"$work/bot.log" 2>&1 &
fi
bot=$!
until curl -s -o /dev/null "http://127.0.0.1:$bot_port/health"; do
  kill -0 "$bot" 2>/dev/null || { cat "$work/bot.log" >&2; exit 1; }
  sleep 0.1
done

protect() {
  curl -s -o /dev/null -H 'Content-Type: application/json' -H 'X-Telegram-Bot-Api-Secret-Token: secret' \
    -d "{\"update_id\":$((1 - $1)),\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":$((-1001 - $1)),\"type\":\"supergroup\",\"title\":\"g$1\"},\"from\":{\"id\":333333333,\"is_bot\":false,\"first_name\":\"Owner\"},\"text\":\"/protect @news1002\",\"entities\":[{\"offset\":0,\"length\":8,\"type\":\"bot_command\"}]}}" \
    "http://127.0.0.1:$bot_port/webhook"
}
export -f protect
export bot_port
seq 0 $((groups - 1)) | taskset -c "${LOAD_CORES:-1}" xargs -P 4 -I{} bash -c 'protect {}'
sleep 1

wrk_env=(env USERS="$users" GROUP_COUNT="$groups" FIRST_GROUP=-1001 PATH_=/webhook)
"${wrk_env[@]}" taskset -c "${LOAD_CORES:-1}" wrk -t1 -c8 -d"${WARM:-20}"s -s $bench/messages.lua \
  "http://127.0.0.1:$bot_port/" >/dev/null
echo "Bot API calls after the warm-up: $(curl -s http://127.0.0.1:$stub_port/calls)"
# Redis's own counters (the whole server's: run nothing else against it meanwhile): scripts run
# (the gate's and the completion markers' batches) and GETs, which in the measured phase only the
# gate's script does, one for the administrator list and one per channel.
redis_calls() {
  redis-cli -u "$REDIS_URL" info commandstats 2>/dev/null |
    awk -F'[:=,]' '/^cmdstat_evalsha:/ {e = $3} /^cmdstat_get:/ {g = $3} END {print e + 0, g + 0}'
}
[ "${BACKEND:-h2}" = pg ] && read -r evalsha_before get_before <<<"$(redis_calls)"
"${wrk_env[@]}" OFFSET=500000000 taskset -c "${LOAD_CORES:-1}" wrk -t1 -c"${CONNECTIONS:-32}" \
  -d"${DUR:-15}"s --latency -s $bench/messages.lua "http://127.0.0.1:$bot_port/"
echo "Bot API calls after the run:    $(curl -s http://127.0.0.1:$stub_port/calls)"
if [ "${BACKEND:-h2}" = pg ]; then
  read -r evalsha_after get_after <<<"$(redis_calls)"
  echo "Redis during the run: $((evalsha_after - evalsha_before)) scripts (the gate's and batches of completion markers), $(((get_after - get_before) / 2)) gate scripts (GETs / 2, one channel)"
fi
awk '/VmRSS|VmHWM/ {printf "server %s %d MiB\n", $1, $2/1024}' "/proc/$bot/status"
if [ -n "${NMT:-}" ]; then # needs -XX:NativeMemoryTracking=summary in JAVA_OPTS
  "$(dirname "$java")/jcmd" "$bot" VM.native_memory summary | grep -E "committed|Total" | grep -vE "^ *\(" | head -40
fi
